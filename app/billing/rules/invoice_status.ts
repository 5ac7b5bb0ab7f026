/**
 * An invoice's status is never typed in: it is derived from what happened to
 * it — sent, voided, its due date — and its payments ledger. The same ledger
 * gives the same status whatever order its rows arrived in, which is what
 * makes Stripe's webhooks converge.
 */
export type InvoiceStatus =
  | 'draft'
  | 'sent'
  | 'partially_paid'
  | 'paid'
  | 'overdue'
  | 'void'
  | 'partially_refunded'
  | 'refunded'
  | 'disputed'

export interface LedgerRow {
  kind: 'payment' | 'refund' | 'dispute'
  amountCents: number
  disputeStatus?: 'open' | 'won' | 'lost' | null
}

export interface InvoiceFacts {
  totalCents: number
  sent: boolean
  voided: boolean
  /** 'YYYY-MM-DD' */
  dueDate: string
  /** today in the agency's zone, 'YYYY-MM-DD' */
  today: string
  ledger: LedgerRow[]
}

export interface LedgerTotals {
  paidCents: number
  refundedCents: number
  /** Disputes lost: the money went back to the payer for good. */
  lostCents: number
  openDispute: boolean
}

export function ledgerTotals(ledger: LedgerRow[]): LedgerTotals {
  const totals: LedgerTotals = { paidCents: 0, refundedCents: 0, lostCents: 0, openDispute: false }
  for (const row of ledger) {
    if (row.kind === 'payment') totals.paidCents += row.amountCents
    else if (row.kind === 'refund') totals.refundedCents += row.amountCents
    else if (row.disputeStatus === 'open') totals.openDispute = true
    else if (row.disputeStatus === 'lost') totals.lostCents += row.amountCents
  }
  return totals
}

export function deriveStatus(facts: InvoiceFacts): InvoiceStatus {
  if (facts.voided) return 'void'
  if (!facts.sent) return 'draft'
  const totals = ledgerTotals(facts.ledger)
  if (totals.openDispute) return 'disputed'
  const returned = totals.refundedCents + totals.lostCents
  if (returned > 0) return returned >= totals.paidCents ? 'refunded' : 'partially_refunded'
  if (totals.paidCents >= facts.totalCents && facts.totalCents >= 0 && totals.paidCents > 0) return 'paid'
  if (facts.totalCents === 0) return 'paid'
  if (facts.today > facts.dueDate) return 'overdue'
  return totals.paidCents > 0 ? 'partially_paid' : 'sent'
}

/** Amount still to pay (never negative). */
export function amountDue(totalCents: number, ledger: LedgerRow[]): number {
  const totals = ledgerTotals(ledger)
  return Math.max(0, totalCents - totals.paidCents)
}

/**
 * The actions people take, and the statuses each is allowed from. Anything
 * else is refused (409). Payments, refunds and disputes are not here: they
 * are facts recorded in the ledger, and the status follows from them.
 */
export const ACTIONS = {
  send: ['draft', 'sent', 'overdue', 'partially_paid'],
  edit: ['draft'],
  void: ['draft', 'sent', 'overdue'],
  recordPayment: ['sent', 'overdue', 'partially_paid'],
  creditNote: ['paid', 'partially_refunded'],
} as const satisfies Record<string, InvoiceStatus[]>

export type InvoiceAction = keyof typeof ACTIONS

export function allows(action: InvoiceAction, status: InvoiceStatus): boolean {
  return (ACTIONS[action] as readonly InvoiceStatus[]).includes(status)
}
