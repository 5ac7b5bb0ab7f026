import vine from '@vinejs/vine'

export const pageValidator = vine.compile(
  vine.object({ page: vine.number().withoutDecimals().min(1).max(100_000).optional() })
)
