import { DateTime } from 'luxon'
import User from '#core/models/user'
import Invitation from '#core/models/invitation'
import { toInvitationDto } from '#core/dtos/invitation'
import { toUserDto } from '#core/dtos/user'

/** The team page: users (with whether each is the viewer) and, for those allowed, pending invitations. */
export async function listTeam(viewer: User, options: { withInvitations: boolean }) {
  const users = await User.query().orderBy('name')
  const invitations = options.withInvitations
    ? await Invitation.query()
        .whereNull('acceptedAt')
        .whereNull('revokedAt')
        .where('expiresAt', '>', DateTime.now().toSQL()!)
        .orderBy('createdAt', 'desc')
    : []
  const names = new Map(users.map((user) => [user.id, user.name]))
  return {
    users: users.map((user) => ({ ...toUserDto(user), isSelf: user.id === viewer.id })),
    invitations: invitations.map((invitation) =>
      toInvitationDto(invitation, invitation.invitedBy ? (names.get(invitation.invitedBy) ?? null) : null)
    ),
  }
}
