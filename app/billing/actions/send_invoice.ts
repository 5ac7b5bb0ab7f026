import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy } from '#core/public/tenancy'
import { billingRecipient } from '#crm/public/clients'
import { recordClientEvent } from '#crm/public/timeline'
import Invoice from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import RefreshInvoiceStatus from '#billing/actions/refresh_invoice_status'
import { invoiceChanged } from '#billing/actions/invoice_changed'
import SendInvoiceEmailJob from '#billing/jobs/send_invoice_email_job'
import { ensureCheckoutSession } from '#billing/stripe/checkout'
import { allows } from '#billing/rules/invoice_status'

/**
 * Sends an invoice to the client's billing contact: the first send (from
 * draft) stamps `sent_at` and the status follows (sent, or overdue when the
 * due date has passed); a re-send from sent, overdue or partially paid
 * mails it again. Ensures the Stripe Checkout link (when Stripe is set up),
 * records the send (activity, audit, client timeline) and queues the email
 * with the PDF after commit — once per send, keyed by the send's activity.
 */
export default class SendInvoice {
  async handle(invoiceId: string) {
    const invoice = await Invoice.query().where('id', invoiceId).forUpdate().firstOrFail()
    if (!allows('send', invoice.status)) {
      throw new ConflictException(`${invoice.number} is ${invoice.status.replace('_', ' ')}: it cannot be sent`)
    }
    const recipient = await billingRecipient(invoice.clientId)
    if (!recipient?.email) {
      fieldError('clientId', `${recipient?.companyName ?? 'The client'} has no contact with an email address to send the invoice to`, 'email')
    }

    const before = invoice.status
    const firstSend = invoice.sentAt === null
    if (firstSend) {
      invoice.sentAt = DateTime.now()
      await invoice.save()
    }
    await this.paymentLink(invoice.id)
    const { invoice: refreshed } = await new RefreshInvoiceStatus().handle(invoice.id)

    const activity = await InvoiceActivity.create({
      invoiceId: invoice.id,
      kind: firstSend ? 'sent' : 'resent',
      detail: `${firstSend ? 'Sent' : 'Sent again'} to ${recipient.email}`,
    })
    await recordAudit({
      entityType: 'invoice',
      entityId: invoice.id,
      action: firstSend ? 'sent' : 'resent',
      before: { status: before },
      after: { status: refreshed.status, to: recipient.email },
    })
    await recordClientEvent({
      clientId: invoice.clientId,
      kind: 'invoice_sent',
      body: `Invoice ${invoice.number} ${firstSend ? 'sent' : 'sent again'} to ${recipient.email}`,
      metadata: { invoiceId: invoice.id },
    })
    await invoiceChanged(invoice.id)
    await dispatchAfterCommit(SendInvoiceEmailJob, {
      agencyId: tenancy.agencyId(),
      invoiceId: invoice.id,
      dedupeKey: `email:${activity.id}`,
      kind: 'invoice',
    })
    return refreshed
  }

  /** The Checkout link for what is due; without it (Stripe down) the invoice still goes out, with the payment instructions. */
  private async paymentLink(invoiceId: string) {
    try {
      await ensureCheckoutSession(invoiceId)
    } catch (error) {
      logger.warn({ err: error, invoiceId }, 'Stripe Checkout session could not be created; sending without a pay link')
    }
  }
}
