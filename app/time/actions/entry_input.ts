/**
 * From what a person sent (the API's body or the day view's form) to what an
 * entry holds: a day with a duration, or a start and an end on one day.
 * Shapes only; the rules themselves are in entry_rules.ts.
 */
import { DateTime } from 'luxon'
import { fieldError } from '#core/public/errors'
import { isUuid } from '#core/public/ids'
import type TimeEntry from '#time/models/time_entry'
import { agencyZone } from '#time/actions/entry_rules'
import type { EntryChanges } from '#time/actions/edit_time_entry'
import type { EntryDraft } from '#time/actions/entry_rules'
import { agencyToday, localDay } from '#time/rules/calendar'
import type { TimeEntryChangesInput, TimeEntryInput } from '#time/validators/time_entry'

interface Timing {
  entryDate: string
  startedAt: DateTime | null
  endedAt: DateTime | null
  durationSeconds: number
}

type TimingInput = Pick<TimeEntryInput, 'date' | 'duration' | 'startedAt' | 'endedAt' | 'startTime' | 'endTime'>

const instant = (value: string) => DateTime.fromISO(value, { setZone: true }).toUTC().startOf('second')

function secondsBetween(start: DateTime, end: DateTime) {
  return Math.round(end.diff(start, 'seconds').seconds)
}

function taskIdOf(value: string | null | undefined) {
  if (value === undefined || value === null) return value
  if (!isUuid(value)) fieldError('taskId', 'Choose a task of this project', 'uuid')
  return value
}

/**
 * The timing a request asks for, or undefined when it names none (an edit
 * that leaves the timing alone). `current`: the entry being edited, whose
 * other half of a start–end pair still applies.
 */
function timingOf(input: TimingInput, zone: string, current?: TimeEntry): Timing | undefined {
  const duration = input.duration as number | undefined
  const hasInstants = input.startedAt !== undefined || input.endedAt !== undefined
  const hasClock = input.startTime !== undefined || input.endTime !== undefined
  if (hasInstants && hasClock) fieldError('startedAt', 'Give startedAt and endedAt, or startTime and endTime, not both', 'conflict')

  if (hasClock) {
    const day = input.date ?? current?.entryDate
    if (!day) fieldError('date', 'Choose the day of these times', 'required')
    const clock = (time: string | undefined, field: 'startTime' | 'endTime', existing?: DateTime | null) => {
      if (time === undefined) {
        if (existing && current?.entryDate === day) return existing.toUTC()
        fieldError(field, field === 'startTime' ? 'Enter the start time' : 'Enter the end time', 'required')
      }
      const [hours, minutes, seconds] = time.split(':').map(Number)
      return DateTime.fromISO(day, { zone }).set({ hour: hours, minute: minutes, second: seconds ?? 0 }).toUTC()
    }
    const start = clock(input.startTime, 'startTime', current?.startedAt)
    let end = clock(input.endTime, 'endTime', current?.endedAt)
    // 00:00 as the end means the midnight that closes the day.
    if (input.endTime && /^00:00(?::00)?$/.test(input.endTime) && end <= start) end = end.plus({ days: 1 })
    if (end <= start) fieldError('endTime', 'The end must be after the start', 'after')
    if (duration !== undefined && duration !== secondsBetween(start, end)) {
      fieldError('duration', 'Give a duration or a start and end time, not both', 'conflict')
    }
    return { entryDate: day, startedAt: start, endedAt: end, durationSeconds: secondsBetween(start, end) }
  }

  if (hasInstants) {
    const start = input.startedAt !== undefined ? instant(input.startedAt) : current?.startedAt?.toUTC()
    const end = input.endedAt !== undefined ? instant(input.endedAt) : current?.endedAt?.toUTC()
    if (!start) fieldError('startedAt', 'Give the start with the end', 'required')
    if (!end) fieldError('endedAt', 'Give the end with the start', 'required')
    const entryDate = localDay(start, zone)
    if (input.date !== undefined && input.date !== entryDate) {
      fieldError('date', `The start falls on ${entryDate} in the agency's time zone: leave date out or make it match`, 'mismatch')
    }
    if (duration !== undefined && duration !== secondsBetween(start, end)) {
      fieldError('duration', 'Give a duration or a start and end, not both', 'conflict')
    }
    return { entryDate, startedAt: start, endedAt: end, durationSeconds: secondsBetween(start, end) }
  }

  if (duration !== undefined) {
    return { entryDate: input.date ?? current?.entryDate ?? agencyToday(zone), startedAt: null, endedAt: null, durationSeconds: duration }
  }

  if (input.date !== undefined) {
    if (!current) fieldError('duration', 'Enter a duration, or a start and end', 'required')
    if (input.date === current.entryDate) return undefined
    if (current.startedAt) {
      fieldError('date', 'This entry has a start and end: change them to move it to another day', 'timed')
    }
    return { entryDate: input.date, startedAt: null, endedAt: null, durationSeconds: current.durationSeconds }
  }

  if (!current) fieldError('duration', 'Enter a duration, or a start and end', 'required')
  return undefined
}

/** A new entry, always for the signed-in person. */
export async function draftFromInput(input: TimeEntryInput, userId: string): Promise<EntryDraft> {
  const timing = timingOf(input, await agencyZone())!
  return {
    userId,
    projectId: input.projectId,
    taskId: taskIdOf(input.taskId) ?? null,
    description: input.description ?? '',
    billable: input.billable,
    ...timing,
  }
}

/** What an edit changes; fields left out stay as they are. */
export async function changesFromInput(entry: TimeEntry, input: TimeEntryChangesInput): Promise<EntryChanges> {
  const timing = timingOf(input, await agencyZone(), entry)
  const changes: EntryChanges = {}
  if (input.projectId !== undefined) changes.projectId = input.projectId
  const taskId = taskIdOf(input.taskId)
  if (taskId !== undefined) changes.taskId = taskId
  if (input.description !== undefined) changes.description = input.description
  if (input.billable !== undefined) changes.billable = input.billable
  if (timing) Object.assign(changes, timing)
  return changes
}
