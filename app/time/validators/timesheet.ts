import vine from '@vinejs/vine'
import { DateTime } from 'luxon'

/** A calendar day written YYYY-MM-DD that exists; any day of a week names that week. */
const calendarDay = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    field.report('Enter a date as YYYY-MM-DD', 'date', field)
  }
})

const day = () => vine.string().trim().use(calendarDay())

export const weekQueryValidator = vine.compile(vine.object({ week: day().optional() }))

export const submitWeekValidator = vine.compile(vine.object({ week: day() }))

export const rejectWeekValidator = vine.compile(
  vine.object({ reason: vine.string().trim().minLength(1).maxLength(2000) })
)

/** One cell of the week grid: a plain duration for a project (and task) on a day; empty clears it. */
export const weekCellValidator = vine.compile(
  vine.object({
    projectId: vine.string().uuid(),
    taskId: vine.string().uuid().nullable().optional(),
    date: day(),
    duration: vine.string().trim().maxLength(20).nullable().optional(),
  })
)
