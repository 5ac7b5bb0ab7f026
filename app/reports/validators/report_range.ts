import vine from '@vinejs/vine'
import { calendarDate } from '#core/public/validation'
import { fieldError } from '#core/public/errors'
import { daysInRange } from '#reports/rules/numbers'

export const MAX_RANGE_DAYS = 366

const day = () => vine.string().trim().maxLength(10).use(calendarDate())

export const profitabilityQueryValidator = vine.compile(vine.object({ from: day(), to: day() }))

export const utilizationQueryValidator = vine.compile(
  vine.object({ from: day(), to: day(), threshold: vine.number().min(0).max(1000).optional() })
)

/** `from` ≤ `to`, and at most a year (366 days, both ends included). */
export function assertRange(range: { from: string; to: string }) {
  if (range.from > range.to) fieldError('to', 'The end date must be on or after the start date', 'afterOrEqual')
  if (daysInRange(range.from, range.to) > MAX_RANGE_DAYS) {
    fieldError('to', `A report covers at most ${MAX_RANGE_DAYS} days`, 'maxRange')
  }
}

/** The /reports page: the range is optional (this month in the agency's zone by default). */
export const reportPageValidator = vine.compile(
  vine.object({
    from: day().optional(),
    to: day().optional(),
    threshold: vine.number().min(0).max(1000).optional(),
    tab: vine.enum(['profitability', 'utilization'] as const).optional(),
  })
)
