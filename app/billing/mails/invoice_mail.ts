import { BaseMail } from '@adonisjs/mail'

export interface InvoiceMailData {
  kind: 'invoice' | 'reminder'
  /** Reminders: days relative to the due date (−3 before, 0 on, 7 after). */
  offsetDays: number
  to: string
  contactName: string | null
  companyName: string
  agencyName: string
  brandColor: string
  number: string
  total: string
  amountDue: string
  issueDate: string
  dueDate: string
  payUrl: string | null
  paymentInstructions: string | null
  /** The PDF as base64: the message goes through the queue as JSON, so no Buffer. */
  pdf: { fileName: string; base64: string } | null
}

/** The invoice (first send, re-send) or a reminder, to the client's billing contact, with the PDF attached. */
export default class InvoiceMail extends BaseMail {
  constructor(private data: InvoiceMailData) {
    super()
    this.subject = InvoiceMail.subjectFor(data)
  }

  static subjectFor(data: Pick<InvoiceMailData, 'kind' | 'offsetDays' | 'number' | 'agencyName' | 'total' | 'amountDue' | 'dueDate'>) {
    if (data.kind === 'invoice') return `Invoice ${data.number} from ${data.agencyName}: ${data.total}, due ${data.dueDate}`
    if (data.offsetDays < 0) return `Reminder: invoice ${data.number} (${data.amountDue}) is due on ${data.dueDate}`
    if (data.offsetDays === 0) return `Reminder: invoice ${data.number} (${data.amountDue}) is due today`
    return `Overdue: invoice ${data.number} (${data.amountDue}) was due on ${data.dueDate}`
  }

  prepare() {
    const view = {
      ...this.data,
      greeting: this.data.contactName ? `Hello ${this.data.contactName},` : 'Hello,',
      brandColor: /^#[0-9a-f]{6}$/i.test(this.data.brandColor) ? this.data.brandColor : '#4f46e5',
      daysOverdue: Math.max(0, this.data.offsetDays),
      daysBefore: Math.max(0, -this.data.offsetDays),
    }
    const template = this.data.kind === 'invoice' ? 'invoice' : 'reminder'
    this.message.to(this.data.to).htmlView(`emails::billing/${template}_html`, view).textView(`emails::billing/${template}_text`, view)
    if (this.data.pdf) {
      this.message.attachData(this.data.pdf.base64 as unknown as Buffer, {
        filename: this.data.pdf.fileName,
        contentType: 'application/pdf',
        encoding: 'base64',
      })
    }
  }
}
