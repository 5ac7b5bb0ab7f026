import { hashSecretToken } from '#core/public/secrets'
import { tenancy } from '#core/public/tenancy'
import type { PortalIdentity } from '#portal/auth/portal_session'

/** A plausible token: 256 bits, base64url or hex; anything else never reaches the database. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/

/**
 * Uses a magic link, once: the contact it was issued to, or null when the
 * token is unknown, altered, expired, already used, or the contact's portal
 * access was revoked meanwhile.
 */
export async function consumePortalLink(token: string): Promise<PortalIdentity | null> {
  if (!TOKEN_SHAPE.test(token)) return null
  const result = await tenancy.client().rawQuery('select * from portal_consume_magic_link(?)', [hashSecretToken(token)])
  const row = result.rows[0]
  return row ? { agencyId: row.agency_id, contactId: row.contact_id, clientId: row.client_id } : null
}
