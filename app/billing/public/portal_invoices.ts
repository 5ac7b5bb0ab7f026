/**
 * What the client portal shows of invoices, as plain data read under the
 * caller's RLS: a signed-in contact (role `client`) reads only their
 * company's sent invoices, with lines and payments. Rendering the PDF and
 * opening a Stripe Checkout session write to the invoice (its stored PDF,
 * its session), which a contact may not do: those steps run as trusted
 * server code, and only for an invoice the caller has just been shown to see.
 * Money in minor units of `currency`.
 */
import drive from '@adonisjs/drive/services/main'
import { tenancy } from '#core/public/tenancy'
import Invoice from '#billing/models/invoice'
import Payment from '#billing/models/payment'
import { currentInvoicePdf } from '#billing/actions/render_invoice_pdf'
import { STATUS_LABELS } from '#billing/queries/client_invoices'
import { billingSettings } from '#billing/queries/invoice_pdf_data'
import { allows } from '#billing/rules/invoice_status'
import { ensureCheckoutSession } from '#billing/stripe/checkout'
import { stripeClient } from '#billing/stripe/stripe_client'
import type {
  PortalCheckout,
  PortalInvoiceDetail,
  PortalInvoiceSummary,
  PortalPaymentOptions,
} from '#billing/public/portal_invoice_types'

export type * from '#billing/public/portal_invoice_types'

function amountDueOf(invoice: Invoice) {
  return invoice.status === 'void' ? 0 : Math.max(0, Number(invoice.totalCents) - Number(invoice.amountPaidCents))
}

function toSummary(invoice: Invoice): PortalInvoiceSummary {
  const due = amountDueOf(invoice)
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    statusLabel: STATUS_LABELS[invoice.status] ?? invoice.status,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    total: Number(invoice.totalCents),
    amountPaid: Number(invoice.amountPaidCents),
    amountDue: due,
    payable: due > 0 && allows('recordPayment', invoice.status),
  }
}

/** A sent invoice of this client the caller can see, or null (answer 404). */
function visibleInvoice(clientId: string, invoiceId: string) {
  return Invoice.query().where('id', invoiceId).where('clientId', clientId).whereNotNull('sentAt').first()
}

/** The client's sent invoices, newest first. */
export async function portalInvoices(clientId: string): Promise<PortalInvoiceSummary[]> {
  const invoices = await Invoice.query().where('clientId', clientId).whereNotNull('sentAt').orderBy('issueDate', 'desc').orderBy('sequenceNumber', 'desc')
  return invoices.map(toSummary)
}

/** One sent invoice with its lines and payments; null when the caller cannot see it. */
export async function portalInvoice(clientId: string, invoiceId: string): Promise<PortalInvoiceDetail | null> {
  const invoice = await Invoice.query()
    .where('id', invoiceId)
    .where('clientId', clientId)
    .whereNotNull('sentAt')
    .preload('lines', (lines) => lines.orderBy('position'))
    .first()
  if (!invoice) return null
  const payments = await Payment.query().where('invoiceId', invoice.id).orderBy('occurredAt')
  return {
    ...toSummary(invoice),
    periodFrom: invoice.periodFrom,
    periodTo: invoice.periodTo,
    subtotal: Number(invoice.subtotalCents),
    taxRate: invoice.taxRateBasisPoints / 100,
    tax: Number(invoice.taxCents),
    amountRefunded: Number(invoice.amountRefundedCents),
    notes: invoice.notes,
    terms: invoice.terms,
    sentAt: invoice.sentAt?.toISO() ?? null,
    lines: invoice.lines.map((line) => ({
      id: line.id,
      kind: line.kind,
      description: line.description,
      quantitySeconds: line.quantitySeconds,
      quantity: line.quantityMilli === null ? null : line.quantityMilli / 1000,
      unitAmount: Number(line.unitAmountCents),
      amount: Number(line.amountCents),
    })),
    payments: payments.map((payment) => ({
      id: payment.id,
      kind: payment.kind,
      amount: Number(payment.amountCents),
      occurredAt: payment.occurredAt.toISO()!,
    })),
  }
}

export async function portalPaymentOptions(): Promise<PortalPaymentOptions> {
  const settings = await billingSettings(tenancy.agencyId())
  return { stripe: stripeClient() !== null, instructions: settings.paymentInstructions }
}

/**
 * The invoice's PDF as it is now (rendered when missing or stale), as a
 * stream with its file name; null when the caller cannot see the invoice.
 */
export async function portalInvoicePdf(clientId: string, invoiceId: string) {
  const invoice = await visibleInvoice(clientId, invoiceId)
  if (!invoice) return null
  const pdf = await tenancy.asSystem(() => currentInvoicePdf(invoice.id))
  return { number: pdf.number, fileName: pdf.fileName, stream: await drive.use().getStream(pdf.key) }
}

/** Where to pay the invoice: a Stripe Checkout URL, or the agency's instructions; null when the caller cannot see it. */
export async function portalCheckout(clientId: string, invoiceId: string): Promise<PortalCheckout | null> {
  const invoice = await visibleInvoice(clientId, invoiceId)
  if (!invoice) return null
  if (!toSummary(invoice).payable) return { kind: 'nothing_due' }
  if (!stripeClient()) return { kind: 'instructions', instructions: (await billingSettings(invoice.agencyId)).paymentInstructions }
  const url = await tenancy.asSystem(() => ensureCheckoutSession(invoice.id))
  return url ? { kind: 'checkout', url } : { kind: 'nothing_due' }
}

/**
 * A contact opened the invoice: its timeline says so, once per contact and
 * day (a dedupe key), written as trusted server code. Nothing when the
 * caller cannot see the invoice.
 */
export async function recordInvoiceViewed(clientId: string, invoiceId: string, viewer: { contactId: string; name: string; day: string }) {
  const invoice = await visibleInvoice(clientId, invoiceId)
  if (!invoice) return
  await tenancy.asSystem(() =>
    tenancy
      .client()
      .rawQuery(
        `insert into invoice_activities (agency_id, invoice_id, kind, detail, dedupe_key, actor_user_id)
         values (?, ?, 'viewed', ?, ?, null) on conflict do nothing`,
        [invoice.agencyId, invoice.id, `Viewed by ${viewer.name} in the portal`, `viewed:${viewer.contactId}:${viewer.day}`]
      )
  )
}
