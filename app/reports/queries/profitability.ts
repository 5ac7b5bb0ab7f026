/**
 * Profitability per project over a range of agency days: revenue (invoiced,
 * paid — see `#billing/public/report_revenue` for how invoices land on
 * projects), cost (time in range × frozen cost rate + approved expenses at
 * cost), margin, and the budget against spend to date. The owner sees every
 * project, a manager the projects they manage.
 */
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import type { StaffIdentity } from '#core/public/users'
import { clientNames } from '#crm/public/clients'
import { reportProjects } from '#projects/public/report_projects'
import { spendFor } from '#projects/public/spend'
import { managedProjectIds } from '#projects/public/time_targets'
import { timeCostBetween } from '#time/public/report_time'
import { expenseCostBetween, revenueBetween } from '#billing/public/report_revenue'
import type { ProfitabilityDto, ProjectProfitabilityDto } from '#reports/dtos/profitability'
import { wholePercent } from '#reports/rules/numbers'

export async function profitability(user: StaffIdentity, range: { from: string; to: string }): Promise<ProfitabilityDto> {
  const projects = await reportProjects(user.role === 'owner' ? {} : { projectIds: await managedProjectIds(user.id) })
  const ids = projects.map((project) => project.projectId)
  // One request, one transaction connection: queries run one after another.
  const names = await clientNames([...new Set(projects.map((project) => project.clientId))])
  const revenue = await revenueBetween(ids, range.from, range.to)
  const timeCost = await timeCostBetween(ids, range.from, range.to)
  const expenseCost = await expenseCostBetween(ids, range.from, range.to)
  const spend = await spendFor(ids)
  const agency = await agencySettings(tenancy.agencyId())

  const rows: ProjectProfitabilityDto[] = projects.map((project) => {
    const income = revenue.get(project.projectId) ?? { invoicedCents: 0, paidCents: 0 }
    const costTime = timeCost.get(project.projectId)?.costCents ?? 0
    const costExpenses = expenseCost.get(project.projectId) ?? 0
    const cost = costTime + costExpenses
    const margin = income.invoicedCents - cost
    const spent = spend.get(project.projectId)?.costCents ?? 0
    return {
      projectId: project.projectId,
      name: project.name,
      clientId: project.clientId,
      clientName: names.get(project.clientId) ?? null,
      serviceType: project.serviceType,
      currency: project.currency,
      revenueInvoiced: income.invoicedCents,
      revenuePaid: income.paidCents,
      cost,
      costTime,
      costExpenses,
      margin,
      marginPercent: wholePercent(margin, income.invoicedCents),
      budget: project.budgetCents,
      spent,
      burnPercent: project.budgetCents === null ? null : wholePercent(spent, project.budgetCents),
    }
  })

  const summed = rows.filter((row) => row.currency === agency.currency)
  const sum = (pick: (row: ProjectProfitabilityDto) => number) => summed.reduce((total, row) => total + pick(row), 0)
  return {
    from: range.from,
    to: range.to,
    projects: rows,
    summary: {
      currency: agency.currency,
      totalBudget: sum((row) => row.budget ?? 0),
      totalSpent: sum((row) => row.spent),
      revenueInvoiced: sum((row) => row.revenueInvoiced),
      revenuePaid: sum((row) => row.revenuePaid),
      cost: sum((row) => row.cost),
      margin: sum((row) => row.margin),
    },
  }
}
