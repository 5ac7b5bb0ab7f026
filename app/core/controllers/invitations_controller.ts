import type { HttpContext } from '@adonisjs/core/http'
import AcceptInvitation, { findPendingInvitation } from '#core/actions/accept_invitation'
import { acceptInvitationValidator } from '#core/validators/auth'
import { startStaffSession } from '#core/http/staff_session'

export default class InvitationsController {
  async show({ inertia, params }: HttpContext) {
    const found = await findPendingInvitation(params.token)
    if (!found) return inertia.render('core/invitations/invalid')
    const { invitation, agency } = found
    return inertia.render('core/invitations/accept', {
      token: params.token,
      invitation: { email: invitation.email, role: invitation.role, agencyName: agency.name },
    })
  }

  async accept(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(acceptInvitationValidator)
    const found = await findPendingInvitation(ctx.params.token)
    if (!found) {
      ctx.response.status(410)
      return ctx.inertia.render('core/invitations/invalid')
    }
    const user = await new AcceptInvitation().handle(found.invitation, input)
    await startStaffSession(ctx, user)
    return ctx.response.redirect('/dashboard')
  }
}
