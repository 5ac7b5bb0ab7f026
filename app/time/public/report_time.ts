/**
 * Time for Reports, as plain data over a range of agency days (inclusive),
 * read under the caller's RLS: the owner counts everyone's time, a manager
 * the time on the projects they manage (and their own), a member their own.
 */
import { tenancy } from '#core/public/tenancy'

export interface ProjectTimeCost {
  seconds: number
  /** Σ seconds × frozen cost rate / 3600, rounded half-up once per project (minor units). */
  costCents: number
}

/** Time cost per project logged on these days, whatever its status or billable flag. */
export async function timeCostBetween(projectIds: string[], from: string, to: string): Promise<Map<string, ProjectTimeCost>> {
  if (projectIds.length === 0) return new Map()
  const client = tenancy.client()
  const rows = await client
    .from('time_entries')
    .select('project_id')
    .select(client.raw('sum(duration_seconds)::bigint as seconds'))
    // numeric round() is half away from zero: half-up for these non-negative sums.
    .select(client.raw('round(sum(duration_seconds::numeric * coalesce(cost_rate_cents, 0)) / 3600)::bigint as cost_cents'))
    .whereIn('project_id', projectIds)
    .whereBetween('entry_date', [from, to])
    .groupBy('project_id')
  return new Map(rows.map((row) => [row.project_id, { seconds: Number(row.seconds), costCents: Number(row.cost_cents) }]))
}

export interface PersonTime {
  loggedSeconds: number
  billableSeconds: number
}

/** Seconds logged per person on these days, in total and billable; `userIds` narrows, people without time are absent. */
export async function timeByPersonBetween(from: string, to: string, userIds?: string[]): Promise<Map<string, PersonTime>> {
  if (userIds && userIds.length === 0) return new Map()
  const client = tenancy.client()
  const query = client
    .from('time_entries')
    .select('user_id')
    .select(client.raw('sum(duration_seconds)::bigint as logged_seconds'))
    .select(client.raw('coalesce(sum(duration_seconds) filter (where billable), 0)::bigint as billable_seconds'))
    .whereBetween('entry_date', [from, to])
    .groupBy('user_id')
  if (userIds) query.whereIn('user_id', userIds)
  const rows = await query
  return new Map(
    rows.map((row) => [row.user_id, { loggedSeconds: Number(row.logged_seconds), billableSeconds: Number(row.billable_seconds) }])
  )
}
