import { tenancy } from '#core/tenancy/tenant_context'

/** Which agency a staff email belongs to: the only cross-tenant read, through a SECURITY DEFINER function. */
export async function findLogin(email: string): Promise<{ agencyId: string; userId: string } | null> {
  const result = await tenancy.client().rawQuery('select agency_id, user_id from auth_lookup_login(?)', [email.trim().toLowerCase()])
  const row = result.rows[0]
  return row ? { agencyId: row.agency_id, userId: row.user_id } : null
}
