import { BaseMail } from '@adonisjs/mail'

export interface DeliverableApprovalMailData {
  to: string
  contactName: string | null
  companyName: string
  agencyName: string
  brandColor: string
  projectName: string
  title: string
  description: string | null
  fileName: string
  /** The project in the portal (sign-in first when needed). */
  portalUrl: string
}

/** "New deliverable to approve", to each of the client's portal contacts, branded with the agency. */
export default class DeliverableApprovalMail extends BaseMail {
  constructor(private data: DeliverableApprovalMailData) {
    super()
    this.subject = `New deliverable to approve: ${data.title} (${data.projectName})`
  }

  prepare() {
    const view = {
      ...this.data,
      greeting: this.data.contactName ? `Hello ${this.data.contactName},` : 'Hello,',
      brandColor: /^#[0-9a-f]{6}$/i.test(this.data.brandColor) ? this.data.brandColor : '#4f46e5',
    }
    this.message
      .to(this.data.to)
      .htmlView('emails::portal/deliverable_approval_html', view)
      .textView('emails::portal/deliverable_approval_text', view)
  }
}
