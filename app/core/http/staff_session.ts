import type { HttpContext } from '@adonisjs/core/http'
import type User from '#core/models/user'
import { SESSION_AGENCY_KEY, SESSION_ROLE_KEY } from '#core/tenancy/claimed_identity'
import { SESSION_VERSION_KEY } from '#core/middleware/auth_middleware'

/** Signs a staff user in: a fresh session id, carrying the agency and session version the next requests check. */
export async function startStaffSession(ctx: HttpContext, user: User) {
  await ctx.auth.use('web').login(user)
  ctx.session.put(SESSION_AGENCY_KEY, user.agencyId)
  ctx.session.put(SESSION_VERSION_KEY, user.sessionVersion)
  ctx.session.put(SESSION_ROLE_KEY, user.role)
}

/** Signs out and destroys the session server-side (the old id is dropped from the store). */
export async function endStaffSession(ctx: HttpContext) {
  await ctx.auth.use('web').logout()
  ctx.session.clear()
  ctx.session.regenerate()
}
