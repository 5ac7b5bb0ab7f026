import type { HttpContext } from '@adonisjs/core/http'
import RequestPasswordReset from '#core/actions/request_password_reset'
import ResetPassword, { findUsableReset } from '#core/actions/reset_password'
import { forgotPasswordValidator, resetPasswordValidator } from '#core/validators/auth'
import { fieldError } from '#core/exceptions/field_error'

export default class PasswordResetController {
  showRequest({ inertia }: HttpContext) {
    return inertia.render('core/auth/forgot_password')
  }

  /** The same answer whether or not the address has an account. */
  async sendLink({ request, response, session }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await new RequestPasswordReset().handle(email)
    session.flash('success', 'If that address has an account, a reset link is on its way.')
    return response.redirect().back()
  }

  async showReset({ inertia, params, response, session }: HttpContext) {
    if (!(await findUsableReset(params.token))) {
      session.flash('error', 'This reset link is invalid or has expired. Ask for a new one.')
      return response.redirect('/forgot-password')
    }
    return inertia.render('core/auth/reset_password', { token: params.token })
  }

  async reset({ request, response, params, session }: HttpContext) {
    const { password } = await request.validateUsing(resetPasswordValidator)
    const reset = await findUsableReset(params.token)
    if (!reset) fieldError('password', 'This reset link is invalid or has expired. Ask for a new one.', 'expired')
    await new ResetPassword().handle(reset, password)
    session.flash('success', 'Your password has been changed. Sign in with the new one.')
    return response.redirect('/login')
  }
}
