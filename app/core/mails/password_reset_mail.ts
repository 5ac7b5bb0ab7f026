import { BaseMail } from '@adonisjs/mail'
import { appUrl } from '#config/app'

export default class PasswordResetMail extends BaseMail {
  subject = 'Reset your Throughline password'

  constructor(private data: { email: string; name: string; token: string }) {
    super()
  }

  prepare() {
    const url = `${appUrl}/reset-password/${this.data.token}`
    this.message
      .to(this.data.email)
      .htmlView('emails::core/password_reset_html', { name: this.data.name, url })
      .textView('emails::core/password_reset_text', { name: this.data.name, url })
  }
}
