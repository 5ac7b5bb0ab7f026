/**
 * Billing's spend source for project budgets: approved expenses at cost
 * (without markup), in total and per day, read under the caller's RLS.
 */
import { tenancy } from '#core/public/tenancy'
import type { DailySpend, ProjectSpend } from '#projects/public/spend'

export async function expenseSpend(projectIds: string[]): Promise<Map<string, ProjectSpend>> {
  if (projectIds.length === 0) return new Map()
  const rows = await tenancy
    .client()
    .from('expenses')
    .select('project_id')
    .select(tenancy.client().raw('sum(amount_cents)::bigint as cost_cents'))
    .whereIn('project_id', projectIds)
    .where('status', 'approved')
    .groupBy('project_id')
  return new Map(rows.map((row) => [row.project_id, { costCents: Number(row.cost_cents), seconds: 0 }]))
}

export async function dailyExpenseSpend(projectId: string): Promise<DailySpend[]> {
  const rows = await tenancy
    .client()
    .from('expenses')
    .select('spent_on')
    .select(tenancy.client().raw('sum(amount_cents)::bigint as cost_cents'))
    .where('project_id', projectId)
    .where('status', 'approved')
    .groupBy('spent_on')
    .orderBy('spent_on')
  return rows.map((row) => ({ date: String(row.spent_on), costCents: Number(row.cost_cents), seconds: 0 }))
}
