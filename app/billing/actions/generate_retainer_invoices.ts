import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { billingProjects, type BillingProject } from '#projects/public/billing_targets'
import { billableEntriesBetween } from '#time/public/time_service'
import type Invoice from '#billing/models/invoice'
import type { PlannedLine } from '#billing/queries/invoice_plan'
import { writeInvoice } from '#billing/actions/write_invoice'
import { timeAmount } from '#billing/rules/money'
import { drawdown, endedPeriods, hoursLabel, type PeriodUsage, type RetainerCadence } from '#billing/rules/retainer'

export interface RetainerInvoiceResult {
  periodStart: string
  periodEnd: string
  invoiceId: string
  number: string
  usedSeconds: number
  rolledOverSeconds: number
  overageSeconds: number
}

interface PeriodRow {
  period_start: string
  included_seconds: number
  used_seconds: number
}

const dateOf = (value: string | Date) => (value instanceof Date ? DateTime.fromJSDate(value, { zone: 'utc' }).toISODate()! : String(value).slice(0, 10))

/**
 * Invoices every ended period of one retainer project that has no invoice
 * yet, oldest first, in the caller's tenant transaction (the daily job runs
 * one project per transaction). Each period gets a draft invoice with the
 * retainer amount and, past the included and rolled-over hours, an overage
 * line; the period's billable time is marked invoiced. The
 * `retainer_periods` row (primary key project + period start) makes a rerun
 * create nothing; runs for one project are serialised by an advisory lock.
 */
export default class GenerateRetainerInvoices {
  async handle(projectId: string, options: { today?: string } = {}): Promise<RetainerInvoiceResult[]> {
    const trx = tenancy.client()
    const [project] = await billingProjects({ projectIds: [projectId] })
    if (!project || !isBillableRetainer(project)) return []
    await trx.rawQuery('select pg_advisory_xact_lock(hashtext(?))', [`billing:${project.clientId}`])

    const agency = await agencySettings(tenancy.agencyId())
    const today = options.today ?? DateTime.now().setZone(agency.timezone).toISODate()!
    const periods = endedPeriods(project.startDate!, project.retainerPeriod as RetainerCadence, today)
    if (periods.length === 0) return []

    const rows: PeriodRow[] = (
      await trx.rawQuery('select period_start, included_seconds, used_seconds from retainer_periods where project_id = ? order by period_start', [projectId])
    ).rows
    const done = new Map(rows.map((row) => [dateOf(row.period_start), row]))
    if (periods.every((period) => done.has(period.start))) return []

    const included = project.retainerIncludedSeconds ?? 0
    const usage: PeriodUsage[] = []
    const results: RetainerInvoiceResult[] = []
    for (const period of periods) {
      const existing = done.get(period.start)
      if (existing) {
        usage.push({ includedSeconds: Number(existing.included_seconds), usedSeconds: Number(existing.used_seconds) })
        continue
      }
      const entries = await billableEntriesBetween(projectId, period.start, period.end)
      const usedSeconds = entries.reduce((total, entry) => total + entry.durationSeconds, 0)
      usage.push({ includedSeconds: included, usedSeconds })
      const figures = drawdown(usage, project.retainerRolloverPeriods).at(-1)!
      const invoice = await this.invoicePeriod(project, period, figures, entries.map((entry) => entry.id), { today, agency })
      await trx.rawQuery(
        `insert into retainer_periods (agency_id, project_id, period_start, period_end, invoice_id, included_seconds, rolled_over_seconds, used_seconds)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [tenancy.agencyId(), projectId, period.start, period.end, invoice.id, included, figures.rolledOverSeconds, usedSeconds]
      )
      results.push({
        periodStart: period.start,
        periodEnd: period.end,
        invoiceId: invoice.id,
        number: invoice.number,
        usedSeconds,
        rolledOverSeconds: figures.rolledOverSeconds,
        overageSeconds: figures.overageSeconds,
      })
    }
    return results
  }

  private async invoicePeriod(
    project: BillingProject,
    period: { start: string; end: string },
    figures: ReturnType<typeof drawdown>[number],
    entryIds: string[],
    context: { today: string; agency: Awaited<ReturnType<typeof agencySettings>> }
  ): Promise<Invoice> {
    const amount = project.retainerAmountCents!
    const available = figures.includedSeconds + figures.rolledOverSeconds
    const cadence = project.retainerPeriod === 'quarterly' ? 'Quarterly' : 'Monthly'
    const lines: PlannedLine[] = [
      {
        kind: 'retainer',
        projectId: project.projectId,
        description:
          `${project.name} · ${cadence} retainer ${period.start} – ${period.end}: ${hoursLabel(figures.usedSeconds)} used of ` +
          `${hoursLabel(figures.includedSeconds)} included` +
          (figures.rolledOverSeconds ? ` + ${hoursLabel(figures.rolledOverSeconds)} rolled over` : '') +
          (figures.overageSeconds ? '' : ` (${hoursLabel(available - figures.usedSeconds)} left)`),
        quantitySeconds: null,
        quantityMilli: 1000,
        unitAmountCents: amount,
        amountCents: amount,
      },
    ]
    const overageRate = project.overageRateCents ?? project.hourlyRateCents
    if (figures.overageSeconds > 0 && overageRate !== null) {
      lines.push({
        kind: 'overage',
        projectId: project.projectId,
        description: `${project.name} · Overage ${period.start} – ${period.end}: ${hoursLabel(figures.overageSeconds)} beyond the retainer`,
        quantitySeconds: figures.overageSeconds,
        quantityMilli: null,
        unitAmountCents: overageRate,
        amountCents: timeAmount(figures.overageSeconds, overageRate),
      })
    }
    const { agency, today } = context
    return writeInvoice({
      clientId: project.clientId,
      currency: project.currency,
      prefix: agency.invoicePrefix,
      issueDate: today,
      dueDate: DateTime.fromISO(today).plus({ days: agency.paymentTermsDays }).toISODate()!,
      periodFrom: period.start,
      periodTo: period.end,
      groupBy: 'project',
      lines,
      taxRateBasisPoints: Math.round(agency.taxRate * 100),
      projectIds: [project.projectId],
      timeEntryIds: entryIds,
      expenseIds: [],
      audit: {
        retainerPeriod: period.start,
        usedSeconds: figures.usedSeconds,
        rolledOverSeconds: figures.rolledOverSeconds,
        overageSeconds: figures.overageSeconds,
      },
    })
  }
}

function isBillableRetainer(project: BillingProject) {
  return (
    project.billingType === 'retainer' &&
    project.status === 'active' &&
    project.retainerAmountCents !== null &&
    project.retainerPeriod !== null &&
    project.startDate !== null
  )
}
