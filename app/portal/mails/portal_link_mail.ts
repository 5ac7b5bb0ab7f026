import { BaseMail } from '@adonisjs/mail'
import { appUrl } from '#config/app'

export interface PortalLinkMailData {
  /** An invitation from the agency, or a sign-in link the contact asked for. */
  kind: 'invitation' | 'sign_in'
  to: string
  contactName: string | null
  companyName: string
  agencyName: string
  brandColor: string
  /** The raw token: only ever in this email, stored as a hash. */
  token: string
  /** "in 15 minutes", "in 3 days". */
  validFor: string
}

/** A magic link into the client portal, branded with the agency's name and colour. */
export default class PortalLinkMail extends BaseMail {
  constructor(private data: PortalLinkMailData) {
    super()
    this.subject =
      data.kind === 'invitation'
        ? `${data.agencyName} invited you to their client portal`
        : `Your sign-in link for the ${data.agencyName} client portal`
  }

  prepare() {
    const view = {
      ...this.data,
      greeting: this.data.contactName ? `Hello ${this.data.contactName},` : 'Hello,',
      brandColor: /^#[0-9a-f]{6}$/i.test(this.data.brandColor) ? this.data.brandColor : '#4f46e5',
      url: `${appUrl}/portal/auth/${this.data.token}`,
      loginUrl: `${appUrl}/portal/login`,
    }
    this.message.to(this.data.to).htmlView('emails::portal/magic_link_html', view).textView('emails::portal/magic_link_text', view)
  }
}
