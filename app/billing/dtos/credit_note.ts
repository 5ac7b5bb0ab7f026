import type CreditNote from '#billing/models/credit_note'

/** A credit note as pages and the API see it (amount in minor units of `currency`). */
export interface CreditNoteDto {
  id: string
  invoiceId: string
  number: string
  amount: number
  currency: string
  reason: string
  issueDate: string
  createdAt: string | null
}

export function toCreditNoteDto(note: CreditNote): CreditNoteDto {
  return {
    id: note.id,
    invoiceId: note.invoiceId,
    number: note.number,
    amount: Number(note.amountCents),
    currency: note.currency,
    reason: note.reason,
    issueDate: note.issueDate,
    createdAt: note.createdAt?.toISO() ?? null,
  }
}
