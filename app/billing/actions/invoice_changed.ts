/**
 * Listeners for "this invoice's content changed" (the PDF re-renders, …),
 * queued after commit. Billing's jobs register here; an invoice action calls
 * `invoiceChanged()` and does not need to know who listens.
 */
type InvoiceChangedListener = (invoiceId: string) => Promise<void>

const listeners = new Map<string, InvoiceChangedListener>()

export function onInvoiceChanged(key: string, listener: InvoiceChangedListener) {
  listeners.set(key, listener)
}

export async function invoiceChanged(invoiceId: string) {
  for (const listener of listeners.values()) await listener(invoiceId)
}
