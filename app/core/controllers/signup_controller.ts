import type { HttpContext } from '@adonisjs/core/http'
import SignUp from '#core/actions/sign_up'
import { signUpValidator } from '#core/validators/auth'
import { startStaffSession } from '#core/http/staff_session'

export default class SignupController {
  show({ inertia }: HttpContext) {
    return inertia.render('core/auth/signup')
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(signUpValidator)
    const { user } = await new SignUp().handle(input)
    await startStaffSession(ctx, user)
    return ctx.response.redirect('/dashboard')
  }
}
