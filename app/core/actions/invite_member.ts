import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import Agency from '#core/models/agency'
import Invitation from '#core/models/invitation'
import User from '#core/models/user'
import InvitationMail from '#core/mails/invitation_mail'
import { recordAudit } from '#core/audit/audit_trail'
import { fieldError } from '#core/exceptions/field_error'
import { findLogin } from '#core/queries/find_login'
import { generateSecretToken } from '#core/security/secret_token'

export const INVITATION_TTL = { days: 7 }

/** Invites a manager or member by email; an earlier pending invitation to the same address is replaced. */
export default class InviteMember {
  async handle(inviter: User, input: { email: string; role: 'manager' | 'member' }) {
    const email = input.email.trim().toLowerCase()
    if (await findLogin(email)) fieldError('email', 'This person already has a Throughline account', 'unique')

    await Invitation.query()
      .where('email', email)
      .whereNull('acceptedAt')
      .whereNull('revokedAt')
      .update({ revoked_at: new Date() })

    const { token, hash } = generateSecretToken()
    const invitation = await Invitation.create({
      agencyId: inviter.agencyId,
      email,
      role: input.role,
      tokenHash: hash,
      invitedBy: inviter.id,
      expiresAt: DateTime.now().plus(INVITATION_TTL),
    })
    await recordAudit({
      entityType: 'invitation',
      entityId: invitation.id,
      action: 'created',
      after: { email, role: input.role },
    })
    const agency = await Agency.findOrFail(inviter.agencyId)
    await mail.sendLater(
      new InvitationMail({ email, agencyName: agency.name, inviterName: inviter.name, role: input.role, token })
    )
    return invitation
  }
}
