/**
 * What /dashboard shows each role (registered with core's dashboard seam in
 * `#reports/register`): the owner the agency's money and load, a manager the
 * health of the projects they manage and the weeks waiting for them, a member
 * their tasks due soon and their hours this week.
 */
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import type { StaffIdentity } from '#core/public/users'
import { reportProjects, type ReportProject } from '#projects/public/report_projects'
import { tasksDueBy } from '#projects/public/my_tasks'
import { spendFor } from '#projects/public/spend'
import { managedProjectIds } from '#projects/public/time_targets'
import { timeByPersonBetween } from '#time/public/report_time'
import { weeksAwaitingApproval } from '#time/public/approvals'
import type { ManagerDashboardDto, MemberDashboardDto, OwnerDashboardDto, ProjectHealthDto } from '#reports/dtos/dashboards'
import { pipeline, receivables, revenue } from '#reports/queries/insights'
import { profitability } from '#reports/queries/profitability'
import { utilization } from '#reports/queries/utilization'
import { wholePercent } from '#reports/rules/numbers'

async function today(): Promise<{ day: DateTime; iso: string; currency: string }> {
  const agency = await agencySettings(tenancy.agencyId())
  const day = DateTime.now().setZone(agency.timezone).startOf('day')
  return { day, iso: day.toISODate()!, currency: agency.currency }
}

async function health(projects: ReportProject[]): Promise<ProjectHealthDto[]> {
  const spend = await spendFor(projects.map((project) => project.projectId))
  return projects.map((project) => {
    const spent = spend.get(project.projectId)?.costCents ?? 0
    return {
      projectId: project.projectId,
      name: project.name,
      currency: project.currency,
      budget: project.budgetCents,
      spent,
      burnPercent: project.budgetCents === null ? null : wholePercent(spent, project.budgetCents),
      overBudget: project.budgetCents !== null && spent > project.budgetCents,
    }
  })
}

export async function ownerDashboard(user: StaffIdentity): Promise<OwnerDashboardDto> {
  const { day, iso, currency } = await today()
  const monthStart = day.startOf('month').toISODate()!
  // One request, one tenant transaction: queries run one after another.
  const months = (await revenue(user, { from: day.minus({ months: 5 }).startOf('month').toISODate()!, to: iso })).months
  const money = (await profitability(user, { from: monthStart, to: iso })).summary
  const owed = await receivables(user)
  const load = await utilization(user, { from: monthStart, to: iso })
  const deals = await pipeline(user)
  const projects = await health(await reportProjects())
  return {
    kind: 'owner',
    today: iso,
    currency,
    revenueThisMonth: months[months.length - 1],
    revenueMonths: months,
    marginThisMonth: {
      revenue: money.revenueInvoiced,
      cost: money.cost,
      margin: money.margin,
      marginPercent: wholePercent(money.margin, money.revenueInvoiced),
    },
    receivables: {
      outstanding: owed.outstanding,
      overdue: owed.overdue,
      overdueCount: owed.invoices.filter((invoice) => invoice.overdue).length,
      buckets: owed.buckets,
    },
    utilizationAvg: load.agencyAvg,
    pipelineWeighted: deals.totalWeighted,
    overBudget: projects.filter((project) => project.overBudget),
  }
}

export async function managerDashboard(user: StaffIdentity): Promise<ManagerDashboardDto> {
  const { iso, currency } = await today()
  const projects = await health(await reportProjects({ projectIds: await managedProjectIds(user.id) }))
  const weeks = await weeksAwaitingApproval(user)
  return { kind: 'manager', today: iso, currency, projects, approvals: { count: weeks.length, weeks } }
}

export async function memberDashboard(user: StaffIdentity): Promise<MemberDashboardDto> {
  const { day, iso } = await today()
  const tasks = await tasksDueBy(user.id, day.plus({ days: 7 }).toISODate()!)
  const weekStart = day.startOf('week').toISODate()!
  const weekEnd = day.endOf('week').toISODate()!
  const time = (await timeByPersonBetween(weekStart, weekEnd, [user.id])).get(user.id)
  return {
    kind: 'member',
    today: iso,
    tasksDueSoon: tasks.map((task) => ({ ...task, overdue: task.dueDate < iso })),
    hoursThisWeek: { weekStart, weekEnd, loggedSeconds: time?.loggedSeconds ?? 0, billableSeconds: time?.billableSeconds ?? 0 },
  }
}
