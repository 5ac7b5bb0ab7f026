import { tenancy } from '#core/tenancy/tenant_context'

/** Head counts for the dashboard; pending invitations count only where RLS lets the viewer see them. */
export async function teamSummary() {
  const client = tenancy.client()
  const [users, invitations] = await Promise.all([
    client.from('users').select(client.raw('count(*)::int as total'), client.raw('count(*) filter (where is_active)::int as active')).first(),
    client.from('invitations').whereNull('accepted_at').whereNull('revoked_at').where('expires_at', '>', new Date()).count('* as pending').first(),
  ])
  return { total: users.total as number, active: users.active as number, pendingInvitations: Number(invitations.pending) }
}
