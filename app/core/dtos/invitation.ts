import type Invitation from '#core/models/invitation'

export interface InvitationDto {
  id: string
  email: string
  role: Invitation['role']
  expiresAt: string
  invitedByName: string | null
}

export function toInvitationDto(invitation: Invitation, invitedByName: string | null): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISO()!,
    invitedByName,
  }
}
