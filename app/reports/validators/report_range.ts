import vine from '@vinejs/vine'
import { calendarDate } from '#core/public/validation'
import { fieldError } from '#core/public/errors'
import { daysInRange } from '#reports/rules/numbers'

export const MAX_RANGE_DAYS = 366

const day = () => vine.string().trim().maxLength(10).use(calendarDate())

export const profitabilityQueryValidator = vine.compile(vine.object({ from: day(), to: day() }))

export const GROUP_BY = ['project', 'client', 'member', 'service'] as const

/** The profitability API: a range and how to group (project by default). */
export const profitabilityApiValidator = vine.compile(
  vine.object({ from: day(), to: day(), groupBy: vine.enum(GROUP_BY).optional() })
)

/** A project's drill-down, and a member's entries on it a page at a time. */
export const drilldownQueryValidator = vine.compile(
  vine.object({
    from: day(),
    to: day(),
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  })
)

/** The drill-down page: the range is optional (this month), `member` opens their entries. */
export const drilldownPageValidator = vine.compile(
  vine.object({
    from: day().optional(),
    to: day().optional(),
    member: vine.string().uuid().optional(),
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
  })
)

export const capacityQueryValidator = vine.compile(vine.object({ weeks: vine.number().withoutDecimals().min(1).max(26).optional() }))

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
    tab: vine.enum(['profitability', 'utilization', 'capacity'] as const).optional(),
    groupBy: vine.enum(GROUP_BY).optional(),
  })
)
