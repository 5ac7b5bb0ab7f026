/**
 * A person's week as the week view and `GET /api/timesheets` show it: the
 * timesheet's state (a week never submitted is a draft), its entries with
 * project and task names, and the totals.
 */
import { projectNames, taskTitles } from '#projects/public/time_targets'
import TimeEntry from '#time/models/time_entry'
import Timesheet from '#time/models/timesheet'
import { toTimeEntryDto, type TimeEntryDto } from '#time/dtos/time_entry'
import type { TimesheetDto, WeekTimesheetDto, WeekTotals } from '#time/dtos/timesheet'
import { addDays, weekDays, weekStartOf } from '#time/rules/calendar'

export function toTimesheetDto(sheet: Timesheet | null, userId: string, weekStart: string): TimesheetDto {
  const status = sheet?.status ?? 'draft'
  return {
    id: sheet?.id ?? null,
    userId: sheet?.userId ?? userId,
    weekStart: sheet?.weekStart ?? weekStart,
    weekEnd: addDays(sheet?.weekStart ?? weekStart, 6),
    status,
    submittedAt: sheet?.submittedAt?.toISO() ?? null,
    decidedAt: sheet?.decidedAt?.toISO() ?? null,
    decidedByUserId: sheet?.decidedByUserId ?? null,
    rejectionReason: sheet?.rejectionReason ?? null,
    locked: status === 'submitted' || status === 'approved',
  }
}

/** Entries as DTOs with their project's name and task's title. */
export async function namedEntries(entries: TimeEntry[]): Promise<TimeEntryDto[]> {
  const projects = await projectNames(entries.map((entry) => entry.projectId))
  const tasks = await taskTitles(entries.flatMap((entry) => (entry.taskId ? [entry.taskId] : [])))
  return entries.map((entry) =>
    toTimeEntryDto(entry, {
      projectName: projects.get(entry.projectId)?.name ?? 'Unknown project',
      taskTitle: entry.taskId ? (tasks.get(entry.taskId) ?? null) : null,
    })
  )
}

export function weekTotals(weekStart: string, entries: Array<{ date: string; duration: number; billable: boolean }>): WeekTotals {
  const byDay = Object.fromEntries(weekDays(weekStart).map((day) => [day, 0]))
  let seconds = 0
  let billableSeconds = 0
  for (const entry of entries) {
    seconds += entry.duration
    if (entry.billable) billableSeconds += entry.duration
    if (entry.date in byDay) byDay[entry.date] += entry.duration
  }
  return { seconds, billableSeconds, byDay }
}

export function findTimesheet(userId: string, weekStart: string) {
  return Timesheet.query().where('userId', userId).where('weekStart', weekStart).first()
}

export function weekEntries(userId: string, weekStart: string) {
  return TimeEntry.query()
    .where('userId', userId)
    .whereBetween('entryDate', [weekStart, addDays(weekStart, 6)])
    .orderBy(['entryDate', 'createdAt'])
}

/** `day`: any day of the week. */
export async function weekTimesheet(userId: string, day: string): Promise<WeekTimesheetDto> {
  const weekStart = weekStartOf(day)
  const sheet = await findTimesheet(userId, weekStart)
  const entries = await namedEntries(await weekEntries(userId, weekStart))
  return { ...toTimesheetDto(sheet, userId, weekStart), entries, totals: weekTotals(weekStart, entries) }
}
