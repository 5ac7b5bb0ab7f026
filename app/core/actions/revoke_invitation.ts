import { DateTime } from 'luxon'
import Invitation from '#core/models/invitation'
import ConflictException from '#core/exceptions/conflict_exception'
import { recordAudit } from '#core/audit/audit_trail'

export default class RevokeInvitation {
  async handle(invitation: Invitation) {
    if (invitation.acceptedAt) throw new ConflictException('This invitation has already been accepted')
    if (invitation.revokedAt) return invitation
    invitation.revokedAt = DateTime.now()
    await invitation.save()
    await recordAudit({ entityType: 'invitation', entityId: invitation.id, action: 'revoked', before: { email: invitation.email } })
    return invitation
  }
}
