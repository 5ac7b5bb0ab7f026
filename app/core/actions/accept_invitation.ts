import { DateTime } from 'luxon'
import Agency from '#core/models/agency'
import Invitation from '#core/models/invitation'
import User from '#core/models/user'
import { recordAudit } from '#core/audit/audit_trail'
import { fieldError } from '#core/exceptions/field_error'
import { findLogin } from '#core/queries/find_login'
import { hashSecretToken } from '#core/security/secret_token'
import { tenancy } from '#core/tenancy/tenant_context'

/** Finds a pending invitation by its link token, entering the inviting agency's context. */
export async function findPendingInvitation(token: string) {
  const tokenHash = hashSecretToken(token)
  const result = await tenancy.client().rawQuery('select auth_lookup_invitation(?) as agency_id', [tokenHash])
  const agencyId: string | null = result.rows[0]?.agency_id ?? null
  if (!agencyId) return null
  await tenancy.enter({ agencyId, userId: null, role: 'system' })
  const invitation = await Invitation.findBy('tokenHash', tokenHash)
  if (!invitation?.isPending) return null
  const agency = await Agency.findOrFail(agencyId)
  return { invitation, agency }
}

/** Turns a pending invitation into an active user; the link is spent. */
export default class AcceptInvitation {
  async handle(invitation: Invitation, input: { name: string; password: string }) {
    if (await findLogin(invitation.email)) fieldError('name', 'This email already has a Throughline account', 'unique')
    const user = await User.create({
      agencyId: invitation.agencyId,
      email: invitation.email,
      name: input.name,
      password: input.password,
      role: invitation.role,
      isActive: true,
      lastLoginAt: DateTime.now(),
    })
    invitation.acceptedAt = DateTime.now()
    await invitation.save()
    await recordAudit({
      entityType: 'user',
      entityId: user.id,
      action: 'joined',
      after: { email: user.email, role: user.role, invitationId: invitation.id },
      actor: { id: user.id, type: 'user' },
    })
    await tenancy.enter({ agencyId: user.agencyId, userId: user.id, role: user.role })
    return user
  }
}
