/**
 * One project's time for the Projects workspace (its Time tab), registered
 * as Projects' project-time reader. Plain data; reads run in the caller's
 * tenant transaction, so RLS decides whose entries count: the owner and the
 * project's managers see the team's, anyone else only their own.
 */
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import type { ProjectTime, ProjectTimeReader } from '#projects/public/project_time'
import TimeEntry from '#time/models/time_entry'
import { agencyToday, weekStartOf } from '#time/rules/calendar'

export const projectTime: ProjectTimeReader = async (projectId, { recentLimit }): Promise<ProjectTime> => {
  const today = agencyToday((await agencySettings(tenancy.agencyId())).timezone)
  const weekStart = weekStartOf(today)
  const client = tenancy.client()
  const totals = await client
    .from('time_entries')
    .select('user_id')
    .select(client.raw('sum(duration_seconds)::bigint as total_seconds'))
    .select(client.raw('coalesce(sum(duration_seconds) filter (where billable), 0)::bigint as billable_seconds'))
    .select(client.raw('coalesce(sum(duration_seconds) filter (where entry_date >= ?::date), 0)::bigint as week_seconds', [weekStart]))
    .where('project_id', projectId)
    .groupBy('user_id')
    .orderBy('total_seconds', 'desc')
  const recent = await TimeEntry.query()
    .where('projectId', projectId)
    .orderBy('entryDate', 'desc')
    .orderBy('startedAt', 'desc')
    .orderBy('createdAt', 'desc')
    .limit(recentLimit)
  return {
    weekStart,
    today,
    members: totals.map((row) => ({
      userId: row.user_id,
      totalSeconds: Number(row.total_seconds),
      billableSeconds: Number(row.billable_seconds),
      weekSeconds: Number(row.week_seconds),
    })),
    recent: recent.map((entry) => ({
      id: entry.id,
      userId: entry.userId,
      taskId: entry.taskId,
      description: entry.description,
      date: entry.entryDate,
      durationSeconds: entry.durationSeconds,
      billable: entry.billable,
      status: entry.status,
      invoiced: entry.invoiceId !== null,
      billableRateCents: entry.billableRateCents,
      costRateCents: entry.costRateCents,
      currency: entry.currency,
    })),
  }
}
