import { BaseMail } from '@adonisjs/mail'
import { appUrl } from '#config/app'

export default class InvitationMail extends BaseMail {
  constructor(private data: { email: string; agencyName: string; inviterName: string | null; role: string; token: string }) {
    super()
    this.subject = `You are invited to join ${data.agencyName} on Throughline`
  }

  prepare() {
    const view = { ...this.data, url: `${appUrl}/invitations/${this.data.token}` }
    this.message
      .to(this.data.email)
      .htmlView('emails::core/invitation_html', view)
      .textView('emails::core/invitation_text', view)
  }
}
