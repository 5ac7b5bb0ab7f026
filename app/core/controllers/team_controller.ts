import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/models/user'
import Invitation from '#core/models/invitation'
import AgencyPolicy from '#core/policies/agency_policy'
import InviteMember from '#core/actions/invite_member'
import RevokeInvitation from '#core/actions/revoke_invitation'
import ChangeMemberRole from '#core/actions/change_member_role'
import SetMemberActive from '#core/actions/set_member_active'
import { listTeam } from '#core/queries/list_team'
import { changeRoleValidator, inviteMemberValidator } from '#core/validators/team'

export default class TeamController {
  async index({ inertia, auth, bouncer }: HttpContext) {
    const canManage = await bouncer.with(AgencyPolicy).allows('manageTeam')
    const team = await listTeam(auth.user!, { withInvitations: canManage })
    return inertia.render('core/settings/team', { ...team, can: { manage: canManage } })
  }

  async invite({ request, response, auth, bouncer, session }: HttpContext) {
    await bouncer.with(AgencyPolicy).authorize('manageTeam')
    const input = await request.validateUsing(inviteMemberValidator)
    await new InviteMember().handle(auth.user!, input)
    session.flash('success', `Invitation sent to ${input.email}`)
    return response.redirect('/settings/team')
  }

  async revokeInvitation({ params, response, bouncer, session }: HttpContext) {
    await bouncer.with(AgencyPolicy).authorize('manageTeam')
    await new RevokeInvitation().handle(await Invitation.findOrFail(params.id))
    session.flash('success', 'Invitation revoked')
    return response.redirect('/settings/team')
  }

  async changeRole({ params, request, response, auth, bouncer, session }: HttpContext) {
    await bouncer.with(AgencyPolicy).authorize('manageTeam')
    const { role } = await request.validateUsing(changeRoleValidator)
    const member = await new ChangeMemberRole().handle(auth.user!, await User.findOrFail(params.id), role)
    session.flash('success', `${member.name} is now ${role === 'owner' ? 'an' : 'a'} ${role}`)
    return response.redirect('/settings/team')
  }

  async deactivate(ctx: HttpContext) {
    return this.setActive(ctx, false)
  }

  async reactivate(ctx: HttpContext) {
    return this.setActive(ctx, true)
  }

  private async setActive({ params, response, auth, bouncer, session }: HttpContext, active: boolean) {
    await bouncer.with(AgencyPolicy).authorize('manageTeam')
    const member = await new SetMemberActive().handle(auth.user!, await User.findOrFail(params.id), active)
    session.flash('success', `${member.name} has been ${active ? 'reactivated' : 'deactivated'}`)
    return response.redirect('/settings/team')
  }
}
