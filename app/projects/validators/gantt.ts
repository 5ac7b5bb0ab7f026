import vine from '@vinejs/vine'
import { calendarDate } from '#core/public/validation'

/** A Gantt drag: both dates of a task (YYYY-MM-DD); a task with only a due date sends a null start. */
export const rescheduleTaskValidator = vine.compile(
  vine.object({
    startDate: vine.string().trim().use(calendarDate()).nullable(),
    dueDate: vine.string().trim().use(calendarDate()).nullable(),
  })
)
