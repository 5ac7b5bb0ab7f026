/**
 * Time for Reports' breakdowns (per member, per project member, a member's
 * entries), as plain data over a range of agency days (inclusive), read under
 * the caller's RLS: the owner reads everyone's time, a manager the time on
 * the projects they manage (and their own), a member their own.
 *
 * Money comes from the rates frozen on each entry:
 * - cost = Σ seconds × cost_rate_cents / 3600 over all the time (any status,
 *   billable or not);
 * - billable value = Σ billable seconds × billable_rate_cents / 3600 (what the
 *   time earns at its frozen billable rate, invoiced or not);
 * each rounded half-up once per group (member, or project and member); an
 * entry's own figures are rounded per entry, so they need not re-add exactly
 * to the group's.
 */
import { tenancy } from '#core/public/tenancy'

export interface MemberTimeValue {
  seconds: number
  billableSeconds: number
  /** minor units */
  costCents: number
  /** minor units */
  billableValueCents: number
}

function figures(client: ReturnType<typeof tenancy.client>) {
  return [
    client.raw('sum(duration_seconds)::bigint as seconds'),
    client.raw('coalesce(sum(duration_seconds) filter (where billable), 0)::bigint as billable_seconds'),
    // numeric round() is half away from zero: half-up for these non-negative sums.
    client.raw('round(sum(duration_seconds::numeric * coalesce(cost_rate_cents, 0)) / 3600)::bigint as cost_cents'),
    client.raw(
      'round(coalesce(sum(duration_seconds::numeric * coalesce(billable_rate_cents, 0)) filter (where billable), 0) / 3600)::bigint as value_cents'
    ),
  ]
}

function toValue(row: any): MemberTimeValue {
  return {
    seconds: Number(row.seconds),
    billableSeconds: Number(row.billable_seconds),
    costCents: Number(row.cost_cents),
    billableValueCents: Number(row.value_cents),
  }
}

/** Per person, the time on these projects logged on these days in `currency`; people without time are absent. */
export async function timeValueByMemberBetween(
  projectIds: string[],
  from: string,
  to: string,
  currency: string
): Promise<Map<string, MemberTimeValue>> {
  if (projectIds.length === 0) return new Map()
  const client = tenancy.client()
  const rows = await client
    .from('time_entries')
    .select('user_id')
    .select(...figures(client))
    .whereIn('project_id', projectIds)
    .where('currency', currency)
    .whereBetween('entry_date', [from, to])
    .groupBy('user_id')
  return new Map(rows.map((row: any) => [row.user_id, toValue(row)]))
}

/** Per person, the time on one project logged on these days; people without time are absent. */
export async function projectTimeByMemberBetween(projectId: string, from: string, to: string): Promise<Map<string, MemberTimeValue>> {
  const client = tenancy.client()
  const rows = await client
    .from('time_entries')
    .select('user_id')
    .select(...figures(client))
    .where('project_id', projectId)
    .whereBetween('entry_date', [from, to])
    .groupBy('user_id')
  return new Map(rows.map((row: any) => [row.user_id, toValue(row)]))
}

export interface ReportTimeEntry {
  id: string
  date: string
  seconds: number
  billable: boolean
  description: string
  taskId: string | null
  status: 'draft' | 'submitted' | 'approved'
  invoiced: boolean
  /** minor units, rounded half-up per entry */
  costCents: number
  /** 0 when not billable; minor units, rounded half-up per entry */
  billableValueCents: number
}

/** One person's entries on one project on these days, newest first, a page at a time. */
export async function projectMemberEntriesBetween(
  projectId: string,
  userId: string,
  from: string,
  to: string,
  page: { page: number; perPage: number }
): Promise<{ total: number; entries: ReportTimeEntry[] }> {
  const client = tenancy.client()
  const scope = () =>
    client.from('time_entries').where('project_id', projectId).where('user_id', userId).whereBetween('entry_date', [from, to])
  const [{ total }] = await scope().count('* as total')
  const rows = await scope()
    .select('id', 'description', 'task_id', 'status', 'billable', 'duration_seconds', 'invoice_id')
    .select(client.raw(`to_char(entry_date, 'YYYY-MM-DD') as day`))
    .select(client.raw('round(duration_seconds::numeric * coalesce(cost_rate_cents, 0) / 3600)::bigint as cost_cents'))
    .select(
      client.raw(
        'case when billable then round(duration_seconds::numeric * coalesce(billable_rate_cents, 0) / 3600)::bigint else 0 end as value_cents'
      )
    )
    .orderBy('entry_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.perPage)
    .offset((page.page - 1) * page.perPage)
  return {
    total: Number(total),
    entries: rows.map((row: any) => ({
      id: row.id,
      date: row.day,
      seconds: Number(row.duration_seconds),
      billable: row.billable,
      description: row.description,
      taskId: row.task_id,
      status: row.status,
      invoiced: row.invoice_id !== null,
      costCents: Number(row.cost_cents),
      billableValueCents: Number(row.value_cents),
    })),
  }
}
