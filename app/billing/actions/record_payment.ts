import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { recordClientEvent } from '#crm/public/timeline'
import Invoice from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import Payment, { type PaymentMethod } from '#billing/models/payment'
import RefreshInvoiceStatus from '#billing/actions/refresh_invoice_status'
import { invoiceChanged } from '#billing/actions/invoice_changed'
import { allows } from '#billing/rules/invoice_status'

export interface ManualPayment {
  amountCents: number
  /** 'YYYY-MM-DD' */
  paidOn: string
  method: Exclude<PaymentMethod, 'stripe'>
  reference?: string | null
}

/** A payment received outside Stripe (bank transfer, cash…), partial payments allowed, never more than is due. */
export default class RecordPayment {
  async handle(invoiceId: string, payment: ManualPayment) {
    const invoice = await Invoice.query().where('id', invoiceId).forUpdate().firstOrFail()
    if (!allows('recordPayment', invoice.status)) {
      throw new ConflictException(`${invoice.number} is ${invoice.status.replace('_', ' ')}: payments are recorded on sent invoices`)
    }
    const due = Number(invoice.totalCents) - Number(invoice.amountPaidCents)
    if (payment.amountCents > due) fieldError('amount', `At most ${due} (the amount due) can be recorded`, 'max')
    const row = await Payment.create({
      invoiceId,
      kind: 'payment',
      disputeStatus: null,
      amountCents: payment.amountCents,
      currency: invoice.currency,
      // The start of that day in the agency's zone, so reports count it on the day the agency means.
      occurredAt: DateTime.fromISO(payment.paidOn, { zone: (await agencySettings(invoice.agencyId)).timezone }),
      method: payment.method,
      reference: payment.reference ?? null,
    })
    const { invoice: refreshed, before } = await new RefreshInvoiceStatus().handle(invoiceId)
    await InvoiceActivity.create({ invoiceId, kind: 'payment_recorded', detail: `${payment.amountCents} by ${payment.method}` })
    await recordAudit({
      entityType: 'invoice',
      entityId: invoiceId,
      action: 'payment_recorded',
      before: { status: before },
      after: { status: refreshed.status, paymentId: row.id, amount: payment.amountCents, method: payment.method },
    })
    if (refreshed.status === 'paid') {
      await recordClientEvent({ clientId: refreshed.clientId, kind: 'invoice_paid', body: `Invoice ${refreshed.number} paid`, metadata: { invoiceId } })
    }
    await invoiceChanged(invoiceId)
    return { invoice: refreshed, payment: row }
  }
}
