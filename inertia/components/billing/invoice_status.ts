export const INVOICE_STATUSES = [
  { value: 'draft', label: 'Draft' },
  { value: 'sent', label: 'Sent' },
  { value: 'partially_paid', label: 'Partially paid' },
  { value: 'paid', label: 'Paid' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'void', label: 'Void' },
  { value: 'partially_refunded', label: 'Partially refunded' },
  { value: 'refunded', label: 'Refunded' },
  { value: 'disputed', label: 'Disputed' },
] as const

export function invoiceStatusLabel(status: string) {
  return INVOICE_STATUSES.find((candidate) => candidate.value === status)?.label ?? status
}

/** Seconds as hours with two decimals, e.g. 5400 → "1.50 h". */
export function formatLineHours(seconds: number) {
  const hundredths = Math.round((seconds * 100) / 3600)
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')} h`
}

/** A line's quantity for people: hours for time, a plain number otherwise. */
export function lineQuantity(line: { quantitySeconds: number | null; quantity: number | null }) {
  if (line.quantitySeconds !== null) return formatLineHours(line.quantitySeconds)
  return line.quantity === null ? '' : String(line.quantity)
}
