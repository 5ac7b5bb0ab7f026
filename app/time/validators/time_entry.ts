import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { parseDuration } from '#time/rules/duration'

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
const calendarDate = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    field.report('Enter a date as YYYY-MM-DD', 'date', field)
  }
})

export const date = () => vine.string().trim().maxLength(10).use(calendarDate())

/** An ISO 8601 instant with its offset (`2026-11-20T09:00:00Z`, `…+01:00`). */
const isoInstant = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(value)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || !hasOffset || !DateTime.fromISO(value, { setZone: true }).isValid) {
    field.report('Enter a date and time in ISO 8601 with its offset, e.g. 2026-11-20T09:00:00Z', 'instant', field)
  }
})

const instant = () => vine.string().trim().maxLength(40).use(isoInstant())

/** A wall-clock time of the agency's day, as a time input sends it (HH:mm). */
const clockTime = () =>
  vine
    .string()
    .trim()
    .maxLength(8)
    .regex(/^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/)

/**
 * A duration: whole seconds as a number, or text as people type it
 * (`1:30`, `1.5h`, `90m`, `45` = minutes, `1.5` = hours). Becomes seconds.
 */
const durationRule = vine.createRule((value, _options, field) => {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) field.report('Give the duration in whole seconds, or as text like 1:30', 'integer', field)
    return
  }
  if (typeof value === 'string' && value.length <= 40) {
    const seconds = parseDuration(value)
    if (seconds !== null) {
      field.mutate(seconds, field)
      return
    }
  }
  field.report('Enter a duration like 1:30, 1.5h, 90m or 45 (minutes)', 'duration', field)
})

const duration = () => vine.any().use(durationRule())

const entryFields = {
  projectId: vine.string().trim().uuid(),
  taskId: vine
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  description: vine
    .string()
    .trim()
    .maxLength(2000)
    .regex(/^[^\u0000]*$/)
    .optional(),
  billable: vine.boolean().optional(),
  date: date().optional(),
  duration: duration().optional(),
  startedAt: instant().optional(),
  endedAt: instant().optional(),
  /** The page's start/end inputs: wall-clock times on `date` in the agency's zone. */
  startTime: clockTime().optional(),
  endTime: clockTime().optional(),
}

export const createTimeEntryValidator = vine.compile(vine.object(entryFields))

export const updateTimeEntryValidator = vine.compile(vine.object({ ...entryFields, projectId: entryFields.projectId.optional() }))

export type TimeEntryInput = Awaited<ReturnType<(typeof createTimeEntryValidator)['validate']>>
export type TimeEntryChangesInput = Awaited<ReturnType<(typeof updateTimeEntryValidator)['validate']>>

export const timeEntryFiltersValidator = vine.compile(
  vine.object({
    from: date().optional(),
    to: date().optional(),
    projectId: vine.string().trim().uuid().optional(),
    userId: vine.string().trim().uuid().optional(),
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
  })
)

export const dayValidator = vine.compile(vine.object({ date: date().optional() }))

export const rangeValidator = vine.compile(vine.object({ from: date().optional(), to: date().optional() }))
