/**
 * Revenue and expense cost per project for Reports, as plain data over a
 * range of agency days (inclusive), read under the caller's RLS (the owner:
 * every invoice; a manager: the invoices of clients whose projects they manage).
 *
 * How an invoice's money lands on projects (all amounts net of tax):
 * - Each invoice has weights per project: the sum of its lines that name the
 *   project (time, milestones, expenses with their markup). Lines without a
 *   project (manual lines, discounts) and credit notes are spread over the
 *   invoice's projects in proportion to those weights; when no line names a
 *   project, equally over the invoice's projects. Shares are split with the
 *   largest remainder, so they re-add exactly to the invoice's amount.
 * - invoiced: the subtotal of non-void invoices issued in the range, less
 *   credit notes issued in the range on non-void invoices (a credit note's
 *   tax part, credit × subtotal / total, is taken off, rounded half-up).
 * - paid: the ledger rows dated in the range (payments − refunds − lost
 *   disputes) on non-void invoices, net of tax the same way.
 */
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'

export interface ProjectRevenue {
  invoicedCents: number
  paidCents: number
}

/** `amount` split over `weights` (≥ 0, not all zero) by largest remainder; exact to the minor unit. */
export function allocate(amount: bigint, weights: bigint[]): bigint[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0n)
  if (total <= 0n) throw new Error('allocate: weights must add up to more than zero')
  const sign = amount < 0n ? -1n : 1n
  const absolute = amount * sign
  const shares = weights.map((weight) => (absolute * weight) / total)
  const remainders = weights.map((weight, index) => ({ index, remainder: (absolute * weight) % total }))
  let left = absolute - shares.reduce((sum, share) => sum + share, 0n)
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1))
  for (const { index } of remainders) {
    if (left === 0n) break
    shares[index] += 1n
    left -= 1n
  }
  return shares.map((share) => share * sign)
}

/** value × numerator / denominator, rounded half away from zero (half-up on magnitudes). */
function scale(value: bigint, numerator: bigint, denominator: bigint): bigint {
  const sign = value < 0n !== numerator < 0n ? -1n : 1n
  const product = (value < 0n ? -value : value) * (numerator < 0n ? -numerator : numerator)
  return sign * ((product * 2n + denominator) / (denominator * 2n))
}

/** Net of tax: an amount of the invoice's total, as its share of the subtotal. */
function netOfTax(amount: bigint, subtotal: bigint, total: bigint): bigint {
  if (total <= 0n || subtotal === total) return amount
  return scale(amount, subtotal, total)
}

export async function revenueBetween(projectIds: string[], from: string, to: string): Promise<Map<string, ProjectRevenue>> {
  const result = new Map<string, ProjectRevenue>(projectIds.map((id) => [id, { invoicedCents: 0, paidCents: 0 }]))
  if (projectIds.length === 0) return result
  const client = tenancy.client()
  const { timezone } = await agencySettings(tenancy.agencyId())

  const touching = client
    .from('invoice_projects')
    .select('invoice_id')
    .whereIn('project_id', projectIds)
    .union((union) => union.from('invoice_lines').select('invoice_id').whereIn('project_id', projectIds))
  const invoices = await client
    .from('invoices')
    .select('id', 'subtotal_cents', 'total_cents')
    .select(client.raw('issue_date between ?::date and ?::date as issued_in_range', [from, to]))
    .whereIn('id', touching)
    .whereNull('voided_at')
    .whereNot('status', 'void')
  if (invoices.length === 0) return result
  const invoiceIds = invoices.map((invoice) => invoice.id)

  const lineRows = await client
    .from('invoice_lines')
    .select('invoice_id', 'project_id')
    .select(client.raw('sum(amount_cents)::bigint as amount'))
    .whereIn('invoice_id', invoiceIds)
    .whereNotNull('project_id')
    .groupBy('invoice_id', 'project_id')
  const linkRows = await client.from('invoice_projects').select('invoice_id', 'project_id').whereIn('invoice_id', invoiceIds)
  const creditRows = await client
    .from('credit_notes')
    .select('invoice_id')
    .select(client.raw('sum(amount_cents)::bigint as amount'))
    .whereIn('invoice_id', invoiceIds)
    .whereBetween('issue_date', [from, to])
    .groupBy('invoice_id')
  const ledgerRows = await client
    .from('payments')
    .select('invoice_id')
    .select(
      client.raw(
        `coalesce(sum(case when kind = 'payment' then amount_cents
                           when kind = 'refund' then -amount_cents
                           when kind = 'dispute' and dispute_status = 'lost' then -amount_cents
                           else 0 end), 0)::bigint as amount`
      )
    )
    .whereIn('invoice_id', invoiceIds)
    .whereRaw('(occurred_at at time zone ?)::date between ?::date and ?::date', [timezone, from, to])
    .groupBy('invoice_id')

  const weightsOf = new Map<string, Map<string, bigint>>()
  for (const row of lineRows) {
    const weights = weightsOf.get(row.invoice_id) ?? new Map<string, bigint>()
    weights.set(row.project_id, (weights.get(row.project_id) ?? 0n) + BigInt(row.amount))
    weightsOf.set(row.invoice_id, weights)
  }
  const linked = new Map<string, Set<string>>()
  for (const row of linkRows) linked.set(row.invoice_id, (linked.get(row.invoice_id) ?? new Set()).add(row.project_id))
  const credits = new Map(creditRows.map((row) => [row.invoice_id, BigInt(row.amount)]))
  const paid = new Map(ledgerRows.map((row) => [row.invoice_id, BigInt(row.amount)]))

  for (const invoice of invoices) {
    const subtotal = BigInt(invoice.subtotal_cents)
    const total = BigInt(invoice.total_cents)
    const named = weightsOf.get(invoice.id) ?? new Map<string, bigint>()
    const projects = [...new Set([...(linked.get(invoice.id) ?? []), ...named.keys()])].sort()
    if (projects.length === 0) continue
    let weights = projects.map((id) => {
      const weight = named.get(id) ?? 0n
      return weight > 0n ? weight : 0n
    })
    if (weights.every((weight) => weight === 0n)) weights = projects.map(() => 1n)

    const invoiced = (invoice.issued_in_range ? subtotal : 0n) - netOfTax(credits.get(invoice.id) ?? 0n, subtotal, total)
    const received = netOfTax(paid.get(invoice.id) ?? 0n, subtotal, total)
    const invoicedShares = invoiced === 0n ? null : allocate(invoiced, weights)
    const paidShares = received === 0n ? null : allocate(received, weights)
    projects.forEach((projectId, index) => {
      const revenue = result.get(projectId)
      if (!revenue) return
      if (invoicedShares) revenue.invoicedCents += Number(invoicedShares[index])
      if (paidShares) revenue.paidCents += Number(paidShares[index])
    })
  }
  return result
}

/** Approved expenses at cost (without markup: markup is revenue) per project, spent on these days. */
export async function expenseCostBetween(projectIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map()
  const client = tenancy.client()
  const rows = await client
    .from('expenses')
    .select('project_id')
    .select(client.raw('sum(amount_cents)::bigint as cost_cents'))
    .whereIn('project_id', projectIds)
    .where('status', 'approved')
    .whereBetween('spent_on', [from, to])
    .groupBy('project_id')
  return new Map(rows.map((row) => [row.project_id, Number(row.cost_cents)]))
}

export interface MonthRevenue {
  invoicedCents: number
  paidCents: number
}

/**
 * The whole agency's revenue per month ('YYYY-MM') over these agency days, in
 * `currency` (invoices in other currencies are left out), net of tax, the
 * same rules as `revenueBetween` but without spreading over projects — so
 * invoices that name no project count too. Issue dates and credit-note dates
 * are calendar days; payments fall on their day in the agency's time zone.
 * Every month of the range is present.
 */
export async function revenueByMonth(from: string, to: string, currency: string): Promise<Map<string, MonthRevenue>> {
  const result = new Map<string, MonthRevenue>(monthsBetween(from, to).map((month) => [month, { invoicedCents: 0, paidCents: 0 }]))
  const client = tenancy.client()
  const { timezone } = await agencySettings(tenancy.agencyId())
  const live = (query: any) => query.whereNull('invoices.voided_at').whereNot('invoices.status', 'void').where('invoices.currency', currency)

  const issued = await live(
    client
      .from('invoices')
      .select(client.raw(`to_char(issue_date, 'YYYY-MM') as month`))
      .select(client.raw('sum(subtotal_cents)::bigint as amount'))
      .whereBetween('issue_date', [from, to])
      .groupByRaw('1')
  )
  const credited = await live(
    client
      .from('credit_notes')
      .join('invoices', 'invoices.id', 'credit_notes.invoice_id')
      .select('invoices.subtotal_cents', 'invoices.total_cents')
      .select(client.raw(`to_char(credit_notes.issue_date, 'YYYY-MM') as month`))
      .select(client.raw('sum(credit_notes.amount_cents)::bigint as amount'))
      .whereBetween('credit_notes.issue_date', [from, to])
      .groupBy('invoices.id')
      .groupByRaw('3')
  )
  const received = await live(
    client
      .from('payments')
      .join('invoices', 'invoices.id', 'payments.invoice_id')
      .select('invoices.subtotal_cents', 'invoices.total_cents')
      .select(client.raw(`to_char(payments.occurred_at at time zone ?, 'YYYY-MM') as month`, [timezone]))
      .select(
        client.raw(
          `coalesce(sum(case when kind = 'payment' then payments.amount_cents
                             when kind = 'refund' then -payments.amount_cents
                             when kind = 'dispute' and dispute_status = 'lost' then -payments.amount_cents
                             else 0 end), 0)::bigint as amount`
        )
      )
      .whereRaw('(payments.occurred_at at time zone ?)::date between ?::date and ?::date', [timezone, from, to])
      .groupBy('invoices.id')
      .groupByRaw('3')
  )

  const add = (month: string, field: keyof MonthRevenue, amount: bigint) => {
    const row = result.get(month)
    if (row) row[field] += Number(amount)
  }
  for (const row of issued) add(row.month, 'invoicedCents', BigInt(row.amount))
  for (const row of credited) {
    add(row.month, 'invoicedCents', -netOfTax(BigInt(row.amount), BigInt(row.subtotal_cents), BigInt(row.total_cents)))
  }
  for (const row of received) add(row.month, 'paidCents', netOfTax(BigInt(row.amount), BigInt(row.subtotal_cents), BigInt(row.total_cents)))
  return result
}

/** 'YYYY-MM' of every month that `from`–`to` ('YYYY-MM-DD') touches, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.slice(0, 7).split('-').map(Number)
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (key > last) break
    months.push(key)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return months
}
