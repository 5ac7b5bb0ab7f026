import vine from '@vinejs/vine'
import { calendarDate } from '#core/public/validation'

const date = () => vine.string().trim().maxLength(10).use(calendarDate())
const text = (max: number) => vine.string().trim().maxLength(max).nullable().optional()
/** Percent as typed (20, 7.25): at most two decimals. */
const percent = () => vine.number().min(0).max(100).decimal([0, 2])

export const invoiceRequestValidator = vine.compile(
  vine.object({
    projectId: vine.string().uuid().optional().requiredIfMissing('clientId'),
    clientId: vine.string().uuid().optional(),
    projectIds: vine.array(vine.string().uuid()).minLength(1).maxLength(100).distinct().optional(),
    from: date(),
    to: date(),
    groupBy: vine.enum(['member', 'task', 'day', 'project'] as const).optional(),
    taxRate: percent().optional(),
    issueDate: date().optional(),
    dueDate: date().optional(),
    notes: text(5000),
    terms: text(5000),
  })
)

export const voidInvoiceValidator = vine.compile(vine.object({ reason: vine.string().trim().minLength(1).maxLength(2000) }))

export const recordPaymentValidator = vine.compile(
  vine.object({
    /** Minor units. */
    amount: vine.number().withoutDecimals().min(1).max(1_000_000_000_000),
    paidOn: date(),
    method: vine.enum(['bank_transfer', 'card', 'cash', 'check', 'other'] as const),
    reference: text(200),
  })
)

export const invoiceFiltersValidator = vine.compile(
  vine.object({
    status: vine.enum(['draft', 'sent', 'partially_paid', 'paid', 'overdue', 'void', 'partially_refunded', 'refunded', 'disputed'] as const).optional(),
    clientId: vine.string().uuid().optional(),
    overdue: vine.boolean().optional(),
    page: vine.number().withoutDecimals().min(1).max(100000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  })
)
