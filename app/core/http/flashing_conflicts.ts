import type { HttpContext } from '@adonisjs/core/http'
import { ConflictException } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'

/**
 * On a page, a state conflict (409) becomes an error toast on the page the
 * user came from. Caught before the exception handler, so the request is
 * marked failed by hand: nothing the action wrote is kept.
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
