import { Job } from '@rlanz/bull-queue'
import { withTenant } from '#core/public/tenancy'
import DeliverInvoiceEmail, { type InvoiceEmail } from '#billing/actions/deliver_invoice_email'

export interface SendInvoiceEmailPayload extends InvoiceEmail {
  agencyId: string
}

/** Queued by SendInvoice after commit: the invoice email with its PDF, once per send (the dedupe key). */
export default class SendInvoiceEmailJob extends Job {
  static jobName = 'billing.send_invoice_email'

  async handle({ agencyId, ...email }: SendInvoiceEmailPayload) {
    await withTenant(agencyId, () => new DeliverInvoiceEmail().handle(email))
  }

  async rescue(payload: SendInvoiceEmailPayload, error: Error) {
    this.logger.error({ err: error, invoiceId: payload.invoiceId, key: payload.dedupeKey }, 'invoice email could not be sent after every retry')
  }
}
