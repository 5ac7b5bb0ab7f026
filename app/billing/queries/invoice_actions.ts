import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { allows, type InvoiceStatus } from '#billing/rules/invoice_status'

/**
 * What the invoice page offers for an invoice in this state (the actions
 * check again: a stale page gets a 409 toast). `send` is "Send" on a draft
 * and "Re-send" afterwards.
 */
export async function invoiceActions(invoice: { status: string }) {
  const status = invoice.status as InvoiceStatus
  const agency = await agencySettings(tenancy.agencyId())
  return {
    can: {
      send: allows('send', status),
      resend: status !== 'draft',
      downloadPdf: true,
      recordPayment: allows('recordPayment', status),
      void: allows('void', status),
      creditNote: allows('creditNote', status),
      editLines: allows('edit', status),
    },
    paymentMethods: [
      { value: 'bank_transfer', label: 'Bank transfer' },
      { value: 'card', label: 'Card' },
      { value: 'cash', label: 'Cash' },
      { value: 'check', label: 'Check' },
      { value: 'other', label: 'Other' },
    ],
    today: DateTime.now().setZone(agency.timezone).toISODate()!,
  }
}
