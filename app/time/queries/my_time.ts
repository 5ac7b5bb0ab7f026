/**
 * "My time": one person's hours over a range, per day, per week and per
 * project, billable apart from non-billable. Sums in the database, in whole
 * seconds.
 */
import { tenancy } from '#core/public/tenancy'
import { projectNames } from '#projects/public/time_targets'
import { addDays, weekStartOf } from '#time/rules/calendar'

export interface TimeSplit {
  billableSeconds: number
  nonBillableSeconds: number
}

export interface MyTimeDto {
  from: string
  to: string
  totals: TimeSplit & { entries: number }
  days: Array<TimeSplit & { date: string }>
  weeks: Array<TimeSplit & { weekStart: string }>
  projects: Array<TimeSplit & { projectId: string; projectName: string }>
}

/** Longest range the page shows at once (a year and a day). */
export const MAX_RANGE_DAYS = 366

const empty = (): TimeSplit => ({ billableSeconds: 0, nonBillableSeconds: 0 })

export async function myTime(userId: string, from: string, to: string): Promise<MyTimeDto> {
  const client = tenancy.client()
  const rows: Array<{ entry_date: string; project_id: string; billable: boolean; seconds: number; entries: number }> = await client
    .from('time_entries')
    .select('entry_date', 'project_id', 'billable')
    .select(client.raw('sum(duration_seconds)::bigint as seconds'))
    .select(client.raw('count(*)::bigint as entries'))
    .where('user_id', userId)
    .whereBetween('entry_date', [from, to])
    .groupBy('entry_date', 'project_id', 'billable')

  const days = new Map<string, TimeSplit & { date: string }>()
  for (let day = from; day <= to; day = addDays(day, 1)) days.set(day, { date: day, ...empty() })
  const weeks = new Map<string, TimeSplit & { weekStart: string }>()
  for (const day of days.keys()) {
    const weekStart = weekStartOf(day)
    if (!weeks.has(weekStart)) weeks.set(weekStart, { weekStart, ...empty() })
  }
  const projects = new Map<string, TimeSplit & { projectId: string; projectName: string }>()
  const totals = { ...empty(), entries: 0 }

  for (const row of rows) {
    const key = row.billable ? 'billableSeconds' : 'nonBillableSeconds'
    const seconds = Number(row.seconds)
    days.get(row.entry_date)![key] += seconds
    weeks.get(weekStartOf(row.entry_date))![key] += seconds
    if (!projects.has(row.project_id)) projects.set(row.project_id, { projectId: row.project_id, projectName: '', ...empty() })
    projects.get(row.project_id)![key] += seconds
    totals[key] += seconds
    totals.entries += Number(row.entries)
  }

  const names = await projectNames([...projects.keys()])
  for (const project of projects.values()) project.projectName = names.get(project.projectId)?.name ?? 'Unknown project'

  return {
    from,
    to,
    totals,
    days: [...days.values()],
    weeks: [...weeks.values()],
    projects: [...projects.values()].sort(
      (a, b) => b.billableSeconds + b.nonBillableSeconds - (a.billableSeconds + a.nonBillableSeconds) || a.projectName.localeCompare(b.projectName)
    ),
  }
}
