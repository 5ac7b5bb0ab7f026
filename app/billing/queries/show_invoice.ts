import { clientNames } from '#crm/public/clients'
import CreditNote from '#billing/models/credit_note'
import Invoice from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import Payment from '#billing/models/payment'
import { toInvoiceDto } from '#billing/dtos/invoice'
import { toCreditNoteDto } from '#billing/dtos/credit_note'

/** One invoice with its lines, ledger, credit notes and timeline (404 when RLS hides it). */
export async function showInvoice(invoiceId: string) {
  const invoice = await Invoice.query().where('id', invoiceId).preload('lines').firstOrFail()
  const names = await clientNames([invoice.clientId])
  const payments = await Payment.query().where('invoiceId', invoiceId).orderBy('occurredAt')
  const activities = await InvoiceActivity.query().where('invoiceId', invoiceId).orderBy('createdAt')
  const creditNotes = await CreditNote.query().where('invoiceId', invoiceId).orderBy('sequenceNumber')
  return {
    ...toInvoiceDto(invoice, { clientName: names.get(invoice.clientId) ?? '', lines: invoice.lines }),
    payments: payments.map((payment) => ({
      id: payment.id,
      kind: payment.kind,
      disputeStatus: payment.disputeStatus,
      amount: Number(payment.amountCents),
      occurredAt: payment.occurredAt.toISO(),
      method: payment.method,
      reference: payment.reference,
    })),
    creditNotes: creditNotes.map(toCreditNoteDto),
    activity: activities.map((activity) => ({ id: activity.id, kind: activity.kind, detail: activity.detail, at: activity.createdAt.toISO() })),
  }
}
