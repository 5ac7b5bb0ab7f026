/**
 * Time for the modules above it (Billing, Reports) and the spend source
 * Projects adds up for budgets. Plain data only; every read runs in the
 * caller's tenant transaction, under its RLS.
 */
import { agencySettings } from '#core/public/agency'
import { ConflictException } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import type { ProjectSpend } from '#projects/public/spend'
import TimeEntry from '#time/models/time_entry'

export interface BillableEntry {
  id: string
  userId: string
  projectId: string
  taskId: string | null
  description: string
  date: string
  durationSeconds: number
  /** Frozen when the entry was logged; minor units per hour of `currency`. */
  billableRateCents: number | null
  costRateCents: number | null
  currency: string
}

function toBillable(entry: TimeEntry): BillableEntry {
  return {
    id: entry.id,
    userId: entry.userId,
    projectId: entry.projectId,
    taskId: entry.taskId,
    description: entry.description,
    date: entry.entryDate,
    durationSeconds: entry.durationSeconds,
    billableRateCents: entry.billableRateCents,
    costRateCents: entry.costRateCents,
    currency: entry.currency,
  }
}

/**
 * Billable time not yet on an invoice, for these projects and days
 * (inclusive). Approved time only, unless the agency does not require
 * approval — then drafts and submitted time bill too (invoicing locks them).
 */
export async function unbilledEntries(filter: { projectIds: string[]; from: string; to: string }): Promise<BillableEntry[]> {
  if (filter.projectIds.length === 0) return []
  const { requireTimeApproval } = await agencySettings(tenancy.agencyId())
  const query = TimeEntry.query()
    .whereIn('projectId', filter.projectIds)
    .where('billable', true)
    .whereNull('invoiceId')
    .whereBetween('entryDate', [filter.from, filter.to])
    .orderBy(['entryDate', 'createdAt'])
  if (requireTimeApproval) query.where('status', 'approved')
  return (await query).map(toBillable)
}

/**
 * Marks entries billed by an invoice, in the caller's transaction. Entries
 * someone else invoiced meanwhile make it a 409: a minute is billed once.
 */
export async function markInvoiced(entryIds: string[], invoiceId: string) {
  if (entryIds.length === 0) return
  const updated = await tenancy
    .client()
    .from('time_entries')
    .whereIn('id', entryIds)
    .whereNull('invoice_id')
    .update({ invoice_id: invoiceId, invoiced_at: new Date(), updated_at: new Date() })
  if (Number(updated) !== entryIds.length) throw new ConflictException('Some of this time was invoiced meanwhile: refresh and try again')
}

/** An invoice was voided: its time is billable again. */
export async function releaseInvoice(invoiceId: string) {
  await tenancy.client().from('time_entries').where('invoice_id', invoiceId).update({ invoice_id: null, invoiced_at: null, updated_at: new Date() })
}

/** Time × frozen cost rate per project, rounded half-up once per project. */
export async function timeSpend(projectIds: string[]): Promise<Map<string, ProjectSpend>> {
  if (projectIds.length === 0) return new Map()
  const rows = await tenancy
    .client()
    // The daily rollups hold Σ seconds × cost rate exactly: the same figure as summing the entries.
    .from('time_daily_rollups')
    .select('project_id')
    .select(tenancy.client().raw('sum(seconds)::bigint as seconds'))
    .select(tenancy.client().raw('round(sum(cost_numerator)::numeric / 3600)::bigint as cost_cents'))
    .whereIn('project_id', projectIds)
    .groupBy('project_id')
  return new Map(rows.map((row) => [row.project_id, { seconds: Number(row.seconds), costCents: Number(row.cost_cents) }]))
}

export interface DailySpend {
  date: string
  seconds: number
  costCents: number
}

/** A project's time cost per day, oldest first (the budget burn chart). */
export async function dailyTimeSpend(projectId: string): Promise<DailySpend[]> {
  const rows = await tenancy
    .client()
    .from('time_daily_rollups')
    .select('day')
    .select(tenancy.client().raw('sum(seconds)::bigint as seconds'))
    .select(tenancy.client().raw('round(sum(cost_numerator)::numeric / 3600)::bigint as cost_cents'))
    .where('project_id', projectId)
    .groupBy('day')
    .orderBy('day')
  return rows.map((row) => ({ date: row.day, seconds: Number(row.seconds), costCents: Number(row.cost_cents) }))
}

/**
 * One project's billable time not yet on an invoice, logged on these days
 * (inclusive), whatever its approval status: a retainer period bills the
 * hours logged in it once the period has ended (invoicing locks them).
 */
export async function billableEntriesBetween(projectId: string, from: string, to: string): Promise<BillableEntry[]> {
  const entries = await TimeEntry.query()
    .where('projectId', projectId)
    .where('billable', true)
    .whereNull('invoiceId')
    .whereBetween('entryDate', [from, to])
    .orderBy(['entryDate', 'createdAt'])
  return entries.map(toBillable)
}

/** Seconds logged on a project on these days (inclusive); billable time only unless `billableOnly` is false. */
export async function loggedSeconds(projectId: string, from: string, to: string, options: { billableOnly?: boolean } = {}): Promise<number> {
  const query = tenancy
    .client()
    .from('time_entries')
    .where('project_id', projectId)
    .whereBetween('entry_date', [from, to])
    .sum('duration_seconds as seconds')
  if (options.billableOnly ?? true) query.where('billable', true)
  const [row] = await query
  return Number(row?.seconds ?? 0)
}
