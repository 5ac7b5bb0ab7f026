/**
 * The rules every write of time obeys, whichever door it came through (the
 * manual form, the timer, the timesheet grid, the API). Each broken rule is a
 * 422 on the field the person can fix. The database repeats the hard ones
 * (overlap, locked weeks, immutability) so a race cannot slip past.
 */
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { isAssigned, taskInProject, timeTarget, type TimeTarget } from '#projects/public/time_targets'
import TimeEntry from '#time/models/time_entry'
import { MAX_ENTRY_SECONDS, agencyToday, localDay, weekStartOf } from '#time/rules/calendar'
import { formatDuration } from '#time/rules/duration'

/** What an entry will hold, before rates are frozen onto it. */
export interface EntryDraft {
  userId: string
  projectId: string
  taskId: string | null
  description: string
  billable: boolean | undefined
  entryDate: string
  startedAt: DateTime | null
  endedAt: DateTime | null
  durationSeconds: number
}

export async function agencyZone() {
  return (await agencySettings(tenancy.agencyId())).timezone
}

/** The project time may go on: visible, assigned to the person, not completed. */
export async function loggableTarget(projectId: string, userId: string, field = 'projectId'): Promise<TimeTarget> {
  const target = await timeTarget(projectId)
  if (!target || !(await isAssigned(projectId, userId))) fieldError(field, 'Choose a project you are assigned to', 'assigned')
  if (target.status === 'completed') fieldError(field, `“${target.name}” is completed: time can no longer be logged on it`, 'completed')
  return target
}

export async function checkTask(projectId: string, taskId: string | null) {
  if (taskId && !(await taskInProject(projectId, taskId))) fieldError('taskId', 'Choose a task of this project', 'exists')
}

function checkDuration(draft: EntryDraft) {
  const field = draft.startedAt ? 'endedAt' : 'duration'
  if (draft.durationSeconds < 1) fieldError(field, 'Log at least one second', 'min')
  if (draft.durationSeconds > MAX_ENTRY_SECONDS) fieldError(field, 'An entry is at most 12 hours: split longer work into several entries', 'max')
}

function checkNotFuture(draft: EntryDraft, zone: string, now: DateTime) {
  if (draft.entryDate > agencyToday(zone, now)) fieldError('date', 'Time cannot be logged for a future day', 'future')
  if (draft.endedAt && draft.endedAt > now) fieldError('endedAt', 'Time cannot end in the future', 'future')
}

function checkOneDay(draft: EntryDraft, zone: string) {
  if (!draft.startedAt || !draft.endedAt) return
  if (draft.endedAt <= draft.startedAt) fieldError('endedAt', 'The end must be after the start', 'after')
  // The last instant of the entry, not its end: an entry ending at midnight stays on its day.
  if (localDay(draft.endedAt.minus({ milliseconds: 1 }), zone) !== draft.entryDate) {
    fieldError('endedAt', 'An entry ends on the day it starts: log the time after midnight as a second entry', 'same_day')
  }
}

async function checkNoOverlap(draft: EntryDraft, zone: string, exceptId?: string) {
  if (!draft.startedAt || !draft.endedAt) return
  const query = TimeEntry.query()
    .where('userId', draft.userId)
    .whereNotNull('startedAt')
    .where('startedAt', '<', draft.endedAt.toJSDate())
    .where('endedAt', '>', draft.startedAt.toJSDate())
  if (exceptId) query.whereNot('id', exceptId)
  const clash = await query.first()
  if (clash) {
    const from = clash.startedAt!.setZone(zone).toFormat('HH:mm')
    const to = clash.endedAt!.setZone(zone).toFormat('HH:mm')
    fieldError('startedAt', `Overlaps your entry ${from}–${to} on ${clash.entryDate} (${formatDuration(clash.durationSeconds)})`, 'overlap')
  }
}

async function checkWeekOpen(userId: string, day: string) {
  const result = await tenancy.client().rawQuery('select time_week_locked(?, ?::date) as locked', [userId, day])
  if (result.rows[0]?.locked) {
    fieldError('date', `The week of ${weekStartOf(day)} is submitted: its time cannot change unless it is rejected`, 'locked')
  }
}

/** Every rule at once, in the order a person would fix them. `exceptId`: the entry being edited. */
export async function checkEntry(draft: EntryDraft, options: { exceptId?: string; now?: DateTime } = {}) {
  const zone = await agencyZone()
  const now = options.now ?? DateTime.utc()
  const target = await loggableTarget(draft.projectId, draft.userId)
  await checkTask(draft.projectId, draft.taskId)
  checkDuration(draft)
  checkNotFuture(draft, zone, now)
  checkOneDay(draft, zone)
  await checkWeekOpen(draft.userId, draft.entryDate)
  await checkNoOverlap(draft, zone, options.exceptId)
  return target
}
