import { ConflictException, fieldError } from '#core/public/errors'
import TimeEntry from '#time/models/time_entry'
import LogTime from '#time/actions/log_time'
import { DeleteTimeEntry, EditTimeEntry } from '#time/actions/edit_time_entry'
import { parseDuration } from '#time/rules/duration'

export interface WeekCellInput {
  projectId: string
  taskId?: string | null
  date: string
  /** As typed (1:30, 1.5h, 90m…); empty or 0 clears the cell. */
  duration?: string | null
}

/**
 * A cell of the week grid holds one plain-duration entry for a project (and
 * task) on a day: typing a duration creates it through LogTime or changes it
 * through EditTimeEntry, so every rule of time applies; clearing the cell
 * deletes it. A cell with several entries, or a timed one, is changed in the
 * day view (409 here).
 */
export default class SetWeekCell {
  async handle(userId: string, input: WeekCellInput): Promise<TimeEntry | null> {
    const typed = (input.duration ?? '').trim()
    const seconds = typed === '' ? 0 : parseDuration(typed)
    if (seconds === null) fieldError('duration', 'Type a duration like 1:30, 1.5h or 90m', 'format')

    const query = TimeEntry.query().where('userId', userId).where('projectId', input.projectId).where('entryDate', input.date)
    if (input.taskId) query.where('taskId', input.taskId)
    else query.whereNull('taskId')
    const entries = await query.forUpdate()
    if (entries.length > 1 || entries.some((entry) => entry.startedAt !== null)) {
      throw new ConflictException('This cell holds timed or several entries: change them in the day view')
    }
    const [entry] = entries
    if (seconds === 0) {
      if (entry) await new DeleteTimeEntry().handle(entry)
      return null
    }
    if (entry) return new EditTimeEntry().handle(entry, { durationSeconds: seconds })
    return new LogTime().handle({
      userId,
      projectId: input.projectId,
      taskId: input.taskId ?? null,
      description: '',
      billable: undefined,
      entryDate: input.date,
      startedAt: null,
      endedAt: null,
      durationSeconds: seconds,
    })
  }
}
