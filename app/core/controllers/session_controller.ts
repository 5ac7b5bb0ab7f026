import type { HttpContext } from '@adonisjs/core/http'
import AuthenticateStaff from '#core/actions/authenticate_staff'
import { loginValidator } from '#core/validators/auth'
import { endStaffSession, startStaffSession, takeIntendedPath } from '#core/http/staff_session'

export default class SessionController {
  show({ inertia }: HttpContext) {
    return inertia.render('core/auth/login')
  }

  async store(ctx: HttpContext) {
    const { email, password } = await ctx.request.validateUsing(loginValidator)
    const user = await new AuthenticateStaff().handle(email, password)
    await startStaffSession(ctx, user)
    return ctx.response.redirect().toPath(takeIntendedPath(ctx, '/dashboard'))
  }

  async destroy(ctx: HttpContext) {
    await endStaffSession(ctx)
    return ctx.response.redirect('/login')
  }
}
