/**
 * The approvals queue: submitted person-weeks with time the viewer decides
 * (the owner: all of it; a manager: the time on projects they manage), with
 * hours, billable hours, a per-project breakdown and the entries. RLS already
 * limits a manager to such weeks; the project filter keeps the figures to
 * the time they answer for.
 */
import { listStaff } from '#core/public/users'
import { managedProjectIds } from '#projects/public/time_targets'
import TimeEntry from '#time/models/time_entry'
import Timesheet from '#time/models/timesheet'
import type { Approver } from '#time/actions/decide_week'
import type { PendingProjectDto, PendingTimesheetDto } from '#time/dtos/timesheet'
import { addDays, weekStartOf } from '#time/rules/calendar'
import { namedEntries, toTimesheetDto } from '#time/queries/week_timesheet'

const MAX_WEEKS = 200

export async function pendingTimesheets(approver: Approver): Promise<PendingTimesheetDto[]> {
  const sheetsQuery = Timesheet.query().where('status', 'submitted').orderBy('weekStart').orderBy('submittedAt').limit(MAX_WEEKS)
  if (approver.role !== 'owner') sheetsQuery.whereNot('userId', approver.id)
  const sheets = await sheetsQuery
  if (sheets.length === 0) return []

  const weeks = sheets.map((sheet) => sheet.weekStart).sort()
  const entriesQuery = TimeEntry.query()
    .where('status', 'submitted')
    .whereIn('userId', [...new Set(sheets.map((sheet) => sheet.userId))])
    .whereBetween('entryDate', [weeks[0], addDays(weeks[weeks.length - 1], 6)])
    .orderBy(['entryDate', 'createdAt'])
  if (approver.role !== 'owner') entriesQuery.whereIn('projectId', await managedProjectIds(approver.id))
  const entries = await namedEntries(await entriesQuery)

  const people = new Map((await listStaff()).map((user) => [user.id, user]))
  const result: PendingTimesheetDto[] = []
  for (const sheet of sheets) {
    const own = entries.filter((entry) => entry.userId === sheet.userId && weekStartOf(entry.date) === sheet.weekStart)
    if (own.length === 0) continue
    const projects = new Map<string, PendingProjectDto>()
    for (const entry of own) {
      const project = projects.get(entry.projectId) ?? { projectId: entry.projectId, projectName: entry.projectName ?? '', seconds: 0, billableSeconds: 0 }
      project.seconds += entry.duration
      if (entry.billable) project.billableSeconds += entry.duration
      projects.set(entry.projectId, project)
    }
    const person = people.get(sheet.userId)
    result.push({
      ...toTimesheetDto(sheet, sheet.userId, sheet.weekStart),
      person: { id: sheet.userId, name: person?.name ?? 'Former colleague', email: person?.email ?? '' },
      seconds: own.reduce((sum, entry) => sum + entry.duration, 0),
      billableSeconds: own.reduce((sum, entry) => sum + (entry.billable ? entry.duration : 0), 0),
      projects: [...projects.values()].sort((a, b) => a.projectName.localeCompare(b.projectName)),
      entries: own,
    })
  }
  return result
}
