import type { HttpContext } from '@adonisjs/core/http'
import { AuthorizationResponse, errors } from '@adonisjs/bouncer'
import { ConflictException } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import TimeEntry from '#time/models/time_entry'
import { currentUserId } from '#time/actions/log_time'

/** An entry the caller may read (RLS decides; anything else is a 404). */
export async function visibleEntry(id: string) {
  return TimeEntry.findOrFail(id)
}

/** An entry the caller may change: their own. A manager reads their team's time but never edits it. */
export async function ownEntry(id: string) {
  const entry = await visibleEntry(id)
  if (entry.userId !== currentUserId()) throw new errors.E_AUTHORIZATION_FAILURE(
      AuthorizationResponse.deny('Only the person who logged this time can change it: managers approve or reject the week instead', 403)
    )
  return entry
}

/**
 * On a page, a state conflict (409, e.g. submitted time) becomes an error
 * toast on the page the person came from. Caught before the exception
 * handler, so the request is marked failed by hand: nothing written is kept.
 */
export async function flashingConflicts(ctx: HttpContext, work: () => Promise<unknown>) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error
    tenancy.markFailed()
    ctx.session.flash('error', error.message)
    return ctx.response.redirect().withQs().back()
  }
}

/** What the CSV is called when downloaded. */
export function exportFilename(filters: { from?: string; to?: string }) {
  const range = [filters.from, filters.to].filter(Boolean).join('_to_')
  return `time-${range || 'all'}.csv`
}
