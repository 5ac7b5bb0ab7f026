/**
 * The day view: one person's entries of one agency-local day, the day's
 * total, and what the manual entry form offers (assigned, open projects with
 * their open tasks and billable default).
 */
import { loggableProjects } from '#projects/public/time_targets'
import type { TimeEntryDto } from '#time/dtos/time_entry'
import { dayEntries } from '#time/queries/list_entries'
import { addDays } from '#time/rules/calendar'

export interface ProjectOption {
  id: string
  name: string
  billableByDefault: boolean
  tasks: Array<{ id: string; title: string }>
}

export interface DayViewProps {
  date: string
  today: string
  previousDate: string
  /** Null when the next day is in the future. */
  nextDate: string | null
  timezone: string
  entries: TimeEntryDto[]
  totalSeconds: number
  billableSeconds: number
  projects: ProjectOption[]
}

export async function projectOptions(userId: string): Promise<ProjectOption[]> {
  return (await loggableProjects(userId)).map((project) => ({
    id: project.projectId,
    name: project.name,
    billableByDefault: project.billableByDefault,
    tasks: project.tasks,
  }))
}

export async function dayView(userId: string, date: string, today: string, timezone: string): Promise<DayViewProps> {
  const entries = await dayEntries(userId, date)
  const next = addDays(date, 1)
  return {
    date,
    today,
    previousDate: addDays(date, -1),
    nextDate: next <= today ? next : null,
    timezone,
    entries,
    totalSeconds: entries.reduce((sum, entry) => sum + entry.duration, 0),
    billableSeconds: entries.reduce((sum, entry) => sum + (entry.billable ? entry.duration : 0), 0),
    projects: await projectOptions(userId),
  }
}
