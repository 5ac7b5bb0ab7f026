import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { billingRecipient } from '#crm/public/clients'
import Invoice from '#billing/models/invoice'
import type { InvoicePdfData } from '#billing/pdf/invoice_pdf'

/** The agency's billing settings row (reminder schedule, payment instructions), with the defaults when it has none. */
export async function billingSettings(agencyId: string): Promise<{ reminderOffsets: number[]; paymentInstructions: string | null }> {
  const row = await tenancy.client().from('billing_settings').where('agency_id', agencyId).first()
  return {
    reminderOffsets: row ? (row.reminder_offsets as number[]).map(Number) : [-3, 0, 7, 14],
    paymentInstructions: row?.payment_instructions ?? null,
  }
}

/**
 * The stored logo's key, from the settings DTO's private URL
 * (`/agency/logo?v=<file>`; core keeps logos at `agencies/<id>/<file>`).
 */
export function agencyLogoKey(agencyId: string, logoUrl: string | null): string | null {
  if (!logoUrl) return null
  const file = new URL(logoUrl, 'http://local').searchParams.get('v')
  return file && /^[\w.-]+$/.test(file) ? `agencies/${agencyId}/${file}` : null
}

/**
 * What the invoice PDF prints, read under the caller's RLS (404 when the
 * invoice is not visible). `logoKey` is where the logo's bytes are, not the
 * bytes: the data (and so its fingerprint) stays small.
 */
export async function invoicePdfData(invoiceId: string): Promise<{ invoice: Invoice; data: InvoicePdfData; logoKey: string | null }> {
  const invoice = await Invoice.query().where('id', invoiceId).preload('lines').firstOrFail()
  const agency = await agencySettings(invoice.agencyId)
  const settings = await billingSettings(invoice.agencyId)
  const recipient = await billingRecipient(invoice.clientId)
  const total = Number(invoice.totalCents)
  const paid = Number(invoice.amountPaidCents)
  const data: InvoicePdfData = {
    agency: { name: agency.name, brandColor: agency.brandColor },
    invoice: {
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      periodFrom: invoice.periodFrom,
      periodTo: invoice.periodTo,
      subtotal: Number(invoice.subtotalCents),
      taxRateBasisPoints: invoice.taxRateBasisPoints,
      tax: Number(invoice.taxCents),
      total,
      amountPaid: paid,
      amountRefunded: Number(invoice.amountRefundedCents),
      amountDue: invoice.status === 'void' ? 0 : Math.max(0, total - paid),
      notes: invoice.notes,
      terms: invoice.terms,
    },
    billTo: {
      companyName: recipient?.companyName ?? '',
      contactName: recipient?.contactName ?? null,
      email: recipient?.email ?? null,
    },
    lines: invoice.lines.map((line) => ({
      kind: line.kind,
      description: line.description,
      quantitySeconds: line.quantitySeconds,
      quantityMilli: line.quantityMilli,
      unitAmount: Number(line.unitAmountCents),
      amount: Number(line.amountCents),
    })),
    paymentUrl: invoice.stripeCheckoutUrl,
    paymentInstructions: settings.paymentInstructions,
  }
  return { invoice, data, logoKey: agencyLogoKey(invoice.agencyId, agency.logoUrl) }
}
