import vine from '@vinejs/vine'
import { calendarDate } from '#core/public/validation'

const date = () => vine.string().trim().maxLength(10).use(calendarDate())
/** Markup in percent as typed (15, 12.5): at most two decimals, up to 1000 %. */
const percent = () => vine.number().min(0).max(1000).decimal([0, 2])
/** A receipt: an image or a PDF, at most 10 MB. */
const receipt = () => vine.file({ size: '10mb', extnames: ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'pdf'] })

const fields = {
  projectId: vine.string().uuid(),
  date: date(),
  /** Minor units of the project's currency. */
  amount: vine.number().withoutDecimals().min(1).max(1_000_000_000_000),
  category: vine.string().trim().minLength(1).maxLength(60),
  description: vine.string().trim().maxLength(2000).optional(),
  billable: vine.boolean().optional(),
  markupPercent: percent().optional(),
  receipt: receipt().optional(),
}

export const createExpenseValidator = vine.compile(vine.object(fields))

export const updateExpenseValidator = vine.compile(
  vine.object({
    projectId: fields.projectId.optional(),
    date: date().optional(),
    amount: vine.number().withoutDecimals().min(1).max(1_000_000_000_000).optional(),
    category: vine.string().trim().minLength(1).maxLength(60).optional(),
    description: vine.string().trim().maxLength(2000).optional(),
    billable: vine.boolean().optional(),
    markupPercent: percent().optional(),
    receipt: receipt().optional(),
    removeReceipt: vine.boolean().optional(),
  })
)

export const rejectExpenseValidator = vine.compile(vine.object({ reason: vine.string().trim().maxLength(2000).optional() }))

export const expenseFiltersValidator = vine.compile(
  vine.object({
    status: vine.enum(['submitted', 'approved', 'rejected'] as const).optional(),
    projectId: vine.string().uuid().optional(),
    mine: vine.boolean().optional(),
    page: vine.number().withoutDecimals().min(1).max(100000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  })
)
