import type { HttpContext } from '@adonisjs/core/http'
import type User from '#core/models/user'
import { SESSION_AGENCY_KEY, SESSION_ROLE_KEY } from '#core/tenancy/claimed_identity'

export const SESSION_VERSION_KEY = 'session_version'
const INTENDED_PATH_KEY = 'intended_path'

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

/** A signed-out visit to a page: sign-in returns there afterwards. */
export function rememberIntendedPath(ctx: HttpContext) {
  if (ctx.request.method() === 'GET') ctx.session.put(INTENDED_PATH_KEY, ctx.request.url(true))
}

/** A path on this site: not `//host` or `/\\host`, which browsers treat as another origin. */
export function isLocalPath(path: unknown): path is string {
  return typeof path === 'string' && /^\/(?![/\\])/.test(path)
}

/** Where to go after signing in: the remembered page, only ever a path on this site. */
export function takeIntendedPath(ctx: HttpContext, fallback: string) {
  const path = ctx.session.pull(INTENDED_PATH_KEY)
  return isLocalPath(path) ? path : fallback
}
