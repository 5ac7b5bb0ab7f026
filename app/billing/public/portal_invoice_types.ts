/**
 * The shapes the client portal receives about invoices (plain data, money in
 * minor units of `currency`; the pages import these types, so this file
 * imports nothing).
 */
export interface PortalInvoiceSummary {
  id: string
  number: string
  status: string
  /** "Partially paid" */
  statusLabel: string
  currency: string
  /** 'YYYY-MM-DD' */
  issueDate: string
  dueDate: string
  total: number
  amountPaid: number
  amountDue: number
  /** Something is still to pay and the invoice takes payments. */
  payable: boolean
}

export interface PortalInvoiceLine {
  id: string
  kind: string
  description: string
  /** Hours as seconds, for time lines. */
  quantitySeconds: number | null
  quantity: number | null
  unitAmount: number
  amount: number
}

export interface PortalInvoicePayment {
  id: string
  kind: string
  amount: number
  occurredAt: string
}

export interface PortalInvoiceDetail extends PortalInvoiceSummary {
  periodFrom: string | null
  periodTo: string | null
  subtotal: number
  /** Percent: 20, 7.25 */
  taxRate: number
  tax: number
  amountRefunded: number
  notes: string | null
  terms: string | null
  sentAt: string | null
  lines: PortalInvoiceLine[]
  payments: PortalInvoicePayment[]
}

/** How the contact pays: through Stripe Checkout when it is configured, else by the agency's instructions. */
export interface PortalPaymentOptions {
  stripe: boolean
  instructions: string | null
}

export type PortalCheckout =
  | { kind: 'checkout'; url: string }
  /** Stripe is not configured: the agency's payment instructions. */
  | { kind: 'instructions'; instructions: string | null }
  /** Nothing is due (paid, void, disputed…). */
  | { kind: 'nothing_due' }
