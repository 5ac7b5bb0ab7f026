import type { RelatedRecord } from '#crm/public/client_relations'
import Invoice from '#billing/models/invoice'

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  sent: 'Sent',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overdue: 'Overdue',
  void: 'Void',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
  disputed: 'Disputed',
}

/** Minor units → "$1,234.56" for the sections that show plain text. */
export function formatMinor(minorUnits: number, currency: string) {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  const sign = minorUnits < 0 ? '-' : ''
  const units = String(Math.abs(minorUnits)).padStart(digits + 1, '0')
  const major = digits ? `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}` : `${sign}${units}`
  return format.format(major as unknown as number)
}

/**
 * The client page's "Invoices" section: number, status and total, newest
 * first. Members see none (RLS), managers those of the clients they bill.
 */
export async function clientInvoices(clientId: string): Promise<RelatedRecord[]> {
  const invoices = await Invoice.query().where('clientId', clientId).orderBy('sequenceNumber', 'desc').limit(50)
  return invoices.map((invoice) => ({
    id: invoice.id,
    title: invoice.number,
    detail: [STATUS_LABELS[invoice.status] ?? invoice.status, formatMinor(Number(invoice.totalCents), invoice.currency), `due ${invoice.dueDate}`].join(' · '),
    href: `/invoices/${invoice.id}`,
  }))
}
