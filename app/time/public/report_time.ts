/**
 * Time for Reports, as plain data over a range of agency days (inclusive),
 * read under the caller's RLS: the owner counts everyone's time, a manager
 * the time on the projects they manage (and their own), a member their own.
 *
 * Reads `time_daily_rollups` (one row per project, person and day, kept
 * current by triggers on `time_entries`), never the entries themselves.
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
    .from('time_daily_rollups')
    .select('project_id')
    .select(client.raw('sum(seconds)::bigint as seconds'))
    // numeric round() is half away from zero: half-up for these non-negative sums.
    .select(client.raw('round(sum(cost_numerator)::numeric / 3600)::bigint as cost_cents'))
    .whereIn('project_id', projectIds)
    .whereBetween('day', [from, to])
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
    .from('time_daily_rollups')
    .select('user_id')
    .select(client.raw('sum(seconds)::bigint as logged_seconds'))
    .select(client.raw('sum(billable_seconds)::bigint as billable_seconds'))
    .whereBetween('day', [from, to])
    .groupBy('user_id')
  if (userIds) query.whereIn('user_id', userIds)
  const rows = await query
  return new Map(
    rows.map((row) => [row.user_id, { loggedSeconds: Number(row.logged_seconds), billableSeconds: Number(row.billable_seconds) }])
  )
}

/** Seconds logged per person and day (only the days with time), for weekly series. */
export async function timeByPersonDayBetween(from: string, to: string, userIds: string[]): Promise<Array<{ userId: string; day: string; seconds: number }>> {
  if (userIds.length === 0) return []
  const client = tenancy.client()
  const rows = await client
    .from('time_daily_rollups')
    .select('user_id')
    .select(client.raw(`to_char(day, 'YYYY-MM-DD') as day`))
    .select(client.raw('sum(seconds)::bigint as seconds'))
    .whereBetween('day', [from, to])
    .whereIn('user_id', userIds)
    .groupBy('user_id', 'day')
  return rows.map((row) => ({ userId: row.user_id, day: row.day, seconds: Number(row.seconds) }))
}
