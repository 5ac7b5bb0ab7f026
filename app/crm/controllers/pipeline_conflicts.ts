import type { HttpContext } from '@adonisjs/core/http'
import { ConflictException } from '#core/public/errors'

/**
 * On a page, a state conflict (409) becomes an error toast on the page the
 * user came from. Pipeline actions refuse before they write (moves run in a
 * savepoint), so committing the request after a refusal commits nothing.
 */
export async function flashingConflicts(ctx: HttpContext, work: () => Promise<unknown>) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error
    ctx.session.flash('error', error.message)
    return ctx.response.redirect().back()
  }
}
