import vine from '@vinejs/vine'
import { MANUAL_ACTIVITY_KINDS } from '#crm/models/client_activity'
import { pastDateTime } from '#crm/validators/rules'

export const logActivityValidator = vine.compile(
  vine.object({
    kind: vine.enum(MANUAL_ACTIVITY_KINDS),
    body: vine.string().trim().minLength(1).maxLength(10_000),
    occurredAt: vine.string().trim().use(pastDateTime()).optional(),
  })
)

export const timelinePageValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    timelinePage: vine.number().withoutDecimals().min(1).max(100_000).optional(),
  })
)
