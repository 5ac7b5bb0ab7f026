import vine from '@vinejs/vine'

export const portalLinkRequestValidator = vine.compile(
  vine.object({
    email: vine.string().trim().email().maxLength(254),
  })
)

export const portalActivityQueryValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).max(100000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  })
)
