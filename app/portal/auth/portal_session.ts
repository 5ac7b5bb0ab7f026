/*
| Portal sessions are the portal's own: their own cookie (encrypted), their
| own table, their own idle limit. A staff session in the same browser is
| untouched, and a staff token is never a portal login. Revoking a contact's
| portal access (contacts.portal_access) ends their sessions on the next
| request: the look-up requires it.
*/
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { generateSecretToken, hashSecretToken } from '#core/public/secrets'
import { tenancy } from '#core/public/tenancy'

export const PORTAL_COOKIE = 'throughline-portal'
/** A portal session ends after 24 h without a request (PRODUCT.md). */
export const PORTAL_IDLE_SECONDS = 24 * 60 * 60
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000

export interface PortalIdentity {
  agencyId: string
  contactId: string
  clientId: string
}

export interface PortalSession extends PortalIdentity {
  sessionId: string
}

const cookieOptions = () => ({ httpOnly: true, sameSite: 'lax' as const, secure: app.inProduction, path: '/', maxAge: '30d' })

/** Signs a contact in: a new session row and a fresh cookie (any earlier portal cookie is replaced). */
export async function startPortalSession(ctx: HttpContext, identity: PortalIdentity) {
  const { token, hash } = generateSecretToken()
  await tenancy.client().rawQuery('select portal_start_session(?, ?, ?, ?)', [identity.agencyId, identity.contactId, identity.clientId, hash])
  ctx.response.encryptedCookie(PORTAL_COOKIE, token, cookieOptions())
}

/**
 * The live session the request's cookie names, entered as the tenant context
 * (role `client`), or null: no cookie, unknown, ended, idle for 24 h, or the
 * contact's access revoked.
 */
export async function resolvePortalSession(ctx: HttpContext): Promise<PortalSession | null> {
  const token = ctx.request.encryptedCookie(PORTAL_COOKIE)
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null
  const result = await tenancy.client().rawQuery('select * from portal_lookup_session(?, ?)', [hashSecretToken(token), PORTAL_IDLE_SECONDS])
  const row = result.rows[0]
  if (!row) return null
  await tenancy.enter({ agencyId: row.agency_id, userId: null, role: 'client', clientId: row.client_id, contactId: row.contact_id })
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await tenancy.client().from('portal_sessions').where('id', row.session_id).update({ last_seen_at: new Date() })
  }
  return { sessionId: row.session_id, agencyId: row.agency_id, contactId: row.contact_id, clientId: row.client_id }
}

/** Signs out: the session row ends (server-side) and the cookie goes. */
export async function endPortalSession(ctx: HttpContext, session: PortalSession | null) {
  if (session) await tenancy.client().from('portal_sessions').where('id', session.sessionId).update({ ended_at: new Date() })
  ctx.response.clearCookie(PORTAL_COOKIE, { path: '/' })
}
