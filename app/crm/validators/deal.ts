import vine from '@vinejs/vine'
import { DateTime } from 'luxon'

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
const calendarDate = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    field.report('Enter a date as YYYY-MM-DD', 'date', field)
  }
})

/** Optional free text: trimmed, and an emptied field means "none". */
const optionalText = (max: number) =>
  vine
    .string()
    .trim()
    .maxLength(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()

/** Minor units; the cap keeps value × probability exact in JavaScript numbers too. */
const value = () => vine.number().withoutDecimals().min(0).max(10_000_000_000_000)
const probability = () => vine.number().withoutDecimals().min(0).max(100)
const date = () => vine.string().trim().use(calendarDate())

/** A company that is not a client yet: stored on the deal until winning it creates the client. */
const prospect = () =>
  vine.object({
    companyName: vine.string().trim().minLength(1).maxLength(160),
    contactName: optionalText(120),
    contactEmail: vine.string().trim().toLowerCase().email().maxLength(254).nullable().optional(),
  })

const dealFields = {
  title: vine.string().trim().minLength(1).maxLength(160),
  description: optionalText(10_000),
  value: value(),
  probability: probability().optional(),
  expectedCloseDate: date().nullable().optional(),
  ownerId: vine.string().uuid().nullable().optional(),
  /** Exactly one of the two (checked by the action). */
  clientId: vine.string().uuid().optional(),
  client: prospect().optional(),
}

/** POST /api/deals and the deal form: `stage` is a stage's id or name, the first open stage by default. */
export const createDealValidator = vine.compile(
  vine.object({ ...dealFields, stage: vine.string().trim().minLength(1).maxLength(64).optional() })
)

/** PATCH: any subset; the stage changes only through a move. */
export const updateDealValidator = vine.compile(
  vine.object({
    ...dealFields,
    title: dealFields.title.optional(),
    value: dealFields.value.optional(),
  })
)

/** PUT …/stage: `stage` is a stage id, a name (any case) or `won` / `lost`; `position` is 0-based in the target column. */
export const moveDealValidator = vine.compile(
  vine.object({
    stage: vine.string().trim().minLength(1).maxLength(64),
    lostReason: optionalText(1000),
    position: vine.number().withoutDecimals().min(0).max(1_000_000).optional(),
    /** Only used when the move wins the deal: the new project follows this template. */
    templateId: vine.string().uuid().nullable().optional(),
  })
)

const DEAL_SORTS = ['title', 'value', 'probability', 'expectedCloseDate', 'createdAt', 'updatedAt'] as const

/** The list view's and GET /api/deals' query string. */
export const listDealsValidator = vine.compile(
  vine.object({
    stageId: vine.string().uuid().optional(),
    ownerId: vine.string().uuid().optional(),
    clientId: vine.string().uuid().optional(),
    status: vine.enum(['open', 'won', 'lost'] as const).optional(),
    closeFrom: date().optional(),
    closeTo: date().optional(),
    sort: vine.enum(DEAL_SORTS).optional(),
    direction: vine.enum(['asc', 'desc'] as const).optional(),
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  })
)

export const clientOptionsValidator = vine.compile(vine.object({ search: vine.string().trim().maxLength(100).optional() }))
