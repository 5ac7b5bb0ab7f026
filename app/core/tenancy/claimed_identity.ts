import type { HttpContext } from '@adonisjs/core/http'
import { isUuid } from '#core/security/uuid'
import { tenancy, type TenantIdentity } from './tenant_context.js'

const TOKEN_PREFIX = 'tl_'
const ROLES = new Set(['owner', 'manager', 'member'])

export const SESSION_AGENCY_KEY = 'agency_id'
export const SESSION_USER_KEY = 'auth_web'
export const SESSION_ROLE_KEY = 'role'

/** The token id inside `tl_<base64url(id)>.<secret>`, when well formed. */
function tokenId(header: string | undefined) {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  const value = match?.[1]
  if (!value?.startsWith(TOKEN_PREFIX)) return null
  const encoded = value.slice(TOKEN_PREFIX.length).split('.')[0]
  const id = Buffer.from(encoded, 'base64url').toString('utf8')
  return isUuid(id) ? id : null
}

/**
 * Puts the request in the tenant context it claims — not yet verified:
 * authentication then checks the token secret or the session inside it. A
 * bearer token is resolved (agency, user, role) and applied in one query
 * through the SECURITY DEFINER look-up; a session carries the three ids.
 */
export async function enterClaimedIdentity(ctx: HttpContext) {
  const id = tokenId(ctx.request.header('authorization'))
  if (id) {
    const result = await tenancy.client().rawQuery(
      `select t.agency_id, t.user_id, t.role,
              set_config('app.agency_id', t.agency_id::text, true),
              set_config('app.user_id', t.user_id::text, true),
              set_config('app.role', t.role, true)
       from auth_lookup_token(?) t`,
      [id]
    )
    const row = result.rows[0]
    if (row) tenancy.adopt({ agencyId: row.agency_id, userId: row.user_id, role: row.role })
    return
  }
  const agencyId = ctx.session?.get(SESSION_AGENCY_KEY)
  const userId = ctx.session?.get(SESSION_USER_KEY)
  const role = ctx.session?.get(SESSION_ROLE_KEY)
  if (isUuid(agencyId) && isUuid(userId)) {
    await tenancy.enter({ agencyId, userId, role: ROLES.has(role) ? (role as TenantIdentity['role']) : null })
  }
}
