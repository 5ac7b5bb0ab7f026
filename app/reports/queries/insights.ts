/**
 * Pipeline forecast, revenue by month and receivables. The owner sees the
 * whole agency; a manager the deals they own, the revenue of the projects
 * they manage and the invoices that name those projects. Sums are in the
 * agency's currency (other currencies are left out of them).
 */
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import type { StaffIdentity } from '#core/public/users'
import { clientNames } from '#crm/public/clients'
import { pipelineForecast } from '#crm/public/pipeline'
import { reportProjects } from '#projects/public/report_projects'
import { managedProjectIds } from '#projects/public/time_targets'
import { monthsBetween, revenueBetween, revenueByMonth } from '#billing/public/report_revenue'
import { receivableInvoices } from '#billing/public/report_receivables'
import type { AgeingBucketDto, AgeingLabel, PipelineDto, ReceivablesDto, RevenueDto } from '#reports/dtos/insights'
import { daysInRange } from '#reports/rules/numbers'

/** The agency's today, 'YYYY-MM-DD'. */
export async function agencyToday(): Promise<string> {
  const { timezone } = await agencySettings(tenancy.agencyId())
  return DateTime.now().setZone(timezone).toISODate()!
}

export async function pipeline(user: StaffIdentity): Promise<PipelineDto> {
  const { currency } = await agencySettings(tenancy.agencyId())
  const forecast = await pipelineForecast(user.role === 'owner' ? {} : { ownerUserId: user.id })
  return {
    currency,
    months: forecast.months.map((month) => ({ month: month.month, weighted: month.weightedValue, total: month.value, deals: month.count })),
    noDate: { weighted: forecast.noDate.weightedValue, total: forecast.noDate.value, deals: forecast.noDate.count },
    totalWeighted: forecast.total.weightedValue,
    total: forecast.total.value,
    deals: forecast.total.count,
  }
}

export async function revenue(user: StaffIdentity, range: { from: string; to: string }): Promise<RevenueDto> {
  const { currency } = await agencySettings(tenancy.agencyId())
  const byMonth = new Map(monthsBetween(range.from, range.to).map((month) => [month, { invoiced: 0, paid: 0 }]))
  if (user.role === 'owner') {
    for (const [month, figures] of await revenueByMonth(range.from, range.to, currency)) {
      byMonth.set(month, { invoiced: figures.invoicedCents, paid: figures.paidCents })
    }
  } else {
    const projects = await reportProjects({ projectIds: await managedProjectIds(user.id) })
    const ids = projects.filter((project) => project.currency === currency).map((project) => project.projectId)
    // Their projects' shares of each invoice (see revenueBetween), one month at a time.
    for (const [month, figures] of byMonth) {
      const first = `${month}-01`
      const last = DateTime.fromISO(first, { zone: 'utc' }).endOf('month').toISODate()!
      const shares = await revenueBetween(ids, first < range.from ? range.from : first, last > range.to ? range.to : last)
      for (const share of shares.values()) {
        figures.invoiced += share.invoicedCents
        figures.paid += share.paidCents
      }
    }
  }
  const months = [...byMonth].map(([month, figures]) => ({ month, ...figures }))
  return {
    from: range.from,
    to: range.to,
    currency,
    months,
    totals: {
      invoiced: months.reduce((sum, month) => sum + month.invoiced, 0),
      paid: months.reduce((sum, month) => sum + month.paid, 0),
    },
  }
}

const BUCKETS: Array<{ label: AgeingLabel; upTo: number }> = [
  { label: '0–30', upTo: 30 },
  { label: '31–60', upTo: 60 },
  { label: '61–90', upTo: 90 },
  { label: '90+', upTo: Number.POSITIVE_INFINITY },
]

export async function receivables(user: StaffIdentity): Promise<ReceivablesDto> {
  const { currency } = await agencySettings(tenancy.agencyId())
  const today = await agencyToday()
  const rows = await receivableInvoices(user.role === 'owner' ? {} : { projectIds: await managedProjectIds(user.id) })
  const names = await clientNames([...new Set(rows.map((row) => row.clientId))])
  const buckets: AgeingBucketDto[] = BUCKETS.map((bucket) => ({ label: bucket.label, count: 0, amount: 0 }))
  let outstanding = 0
  let overdue = 0
  const invoices = rows.map((row) => {
    const daysPastDue = Math.max(0, daysInRange(row.dueDate, today) - 1)
    const isOverdue = today > row.dueDate
    if (row.currency === currency) {
      outstanding += row.dueCents
      if (isOverdue) {
        overdue += row.dueCents
        const bucket = buckets[BUCKETS.findIndex((candidate) => daysPastDue <= candidate.upTo)]
        bucket.count += 1
        bucket.amount += row.dueCents
      }
    }
    return {
      invoiceId: row.invoiceId,
      number: row.number,
      clientId: row.clientId,
      clientName: names.get(row.clientId) ?? null,
      currency: row.currency,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      total: row.totalCents,
      paid: row.paidCents,
      due: row.dueCents,
      daysPastDue,
      overdue: isOverdue,
    }
  })
  return { today, currency, buckets, outstanding, overdue, invoices }
}
