import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import PasswordReset from '#core/models/password_reset'
import User from '#core/models/user'
import PasswordResetMail from '#core/mails/password_reset_mail'
import { findLogin } from '#core/queries/find_login'
import { generateSecretToken } from '#core/security/secret_token'
import { tenancy } from '#core/tenancy/tenant_context'

export const RESET_LINK_TTL = { hours: 1 }

/** Mails a single-use reset link to a known, active address; does nothing visible otherwise. */
export default class RequestPasswordReset {
  async handle(email: string) {
    const login = await findLogin(email)
    if (!login) return
    await tenancy.enter({ agencyId: login.agencyId, userId: null, role: 'system' })
    const user = await User.findOrFail(login.userId)
    if (!user.isActive) return

    const { token, hash } = generateSecretToken()
    await PasswordReset.create({
      agencyId: user.agencyId,
      userId: user.id,
      tokenHash: hash,
      expiresAt: DateTime.now().plus(RESET_LINK_TTL),
    })
    await mail.sendLater(new PasswordResetMail({ email: user.email, name: user.name, token }))
  }
}
