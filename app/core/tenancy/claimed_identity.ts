import type { HttpContext } from '@adonisjs/core/http'
import { tenancy } from './tenant_context.js'

const TOKEN_PREFIX = 'tl_'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const SESSION_AGENCY_KEY = 'agency_id'
export const SESSION_USER_KEY = 'auth_web'

/** The token id inside `tl_<base64url(id)>.<secret>`, when well formed. */
function tokenId(header: string | undefined) {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  const value = match?.[1]
  if (!value?.startsWith(TOKEN_PREFIX)) return null
  const encoded = value.slice(TOKEN_PREFIX.length).split('.')[0]
  const id = Buffer.from(encoded, 'base64url').toString('utf8')
  return UUID.test(id) ? id : null
}

/**
 * Who the request says it is: an agency and user, not yet verified. A bearer
 * token is looked up through the SECURITY DEFINER function; a session carries
 * both ids. Authentication still checks the token secret or session.
 */
export async function claimedIdentity(ctx: HttpContext): Promise<{ agencyId: string; userId: string } | null> {
  const id = tokenId(ctx.request.header('authorization'))
  if (id) {
    const result = await tenancy.client().rawQuery('select agency_id, user_id from auth_lookup_token(?)', [id])
    const row = result.rows[0]
    return row ? { agencyId: row.agency_id, userId: row.user_id } : null
  }
  const agencyId = ctx.session?.get(SESSION_AGENCY_KEY)
  const userId = ctx.session?.get(SESSION_USER_KEY)
  if (typeof agencyId === 'string' && typeof userId === 'string' && UUID.test(agencyId) && UUID.test(userId)) {
    return { agencyId, userId }
  }
  return null
}
