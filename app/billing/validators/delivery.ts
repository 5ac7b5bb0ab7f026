import vine from '@vinejs/vine'

/** POST /api/invoices/:id/credit-notes: the amount in minor units and why. */
export const creditNoteValidator = vine.compile(
  vine.object({
    amount: vine.number().withoutDecimals().min(1).max(1_000_000_000_000),
    reason: vine.string().trim().minLength(1).maxLength(2000),
  })
)
