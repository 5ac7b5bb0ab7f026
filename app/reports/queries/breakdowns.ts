/**
 * Profitability grouped by client, member or service type, and the drill-down
 * of one project into its members and their entries.
 *
 * - client / service: the project rows of `profitability` (same revenue, cost
 *   and scoping), in the agency's currency, summed per client or service type
 *   (projects without a service type fall under key '' "No service type").
 * - member: what their time earns — billable time in the range × the billable
 *   rate frozen on each entry (invoiced or not) as revenue, all their time ×
 *   frozen cost rate as cost, each rounded half-up once per member; revenue
 *   paid is null (payments land on invoices, not people); expenses are not
 *   attributed to people. Time on the projects the caller covers (owner: all,
 *   manager: the projects they manage), in the agency's currency.
 */
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { listStaff, type StaffIdentity } from '#core/public/users'
import { clientNames } from '#crm/public/clients'
import { reportProjects } from '#projects/public/report_projects'
import { managedProjectIds } from '#projects/public/time_targets'
import {
  projectMemberEntriesBetween,
  projectTimeByMemberBetween,
  timeValueByMemberBetween,
} from '#time/public/report_time_breakdowns'
import type {
  MemberEntriesDto,
  ProfitabilityBreakdownDto,
  ProfitabilityRowDto,
  ProjectDrilldownDto,
} from '#reports/dtos/breakdowns'
import { profitability } from '#reports/queries/profitability'
import { wholePercent } from '#reports/rules/numbers'

type Range = { from: string; to: string }

export const NO_SERVICE_LABEL = 'No service type'

async function coveredProjectIds(user: StaffIdentity): Promise<string[] | undefined> {
  return user.role === 'owner' ? undefined : await managedProjectIds(user.id)
}

function row(key: string, label: string, revenueInvoiced: number, revenuePaid: number | null, cost: number): ProfitabilityRowDto {
  const margin = revenueInvoiced - cost
  return { key, label, revenueInvoiced, revenuePaid, cost, margin, marginPercent: wholePercent(margin, revenueInvoiced) }
}

const byLabel = (a: ProfitabilityRowDto, b: ProfitabilityRowDto) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key)

export async function profitabilityBreakdown(
  user: StaffIdentity,
  range: Range,
  groupBy: 'client' | 'member' | 'service'
): Promise<ProfitabilityBreakdownDto> {
  const { currency } = await agencySettings(tenancy.agencyId())
  let rows: ProfitabilityRowDto[]
  if (groupBy === 'member') {
    const projects = (await reportProjects({ projectIds: await coveredProjectIds(user) })).filter((project) => project.currency === currency)
    const time = await timeValueByMemberBetween(
      projects.map((project) => project.projectId),
      range.from,
      range.to,
      currency
    )
    const names = new Map((await listStaff()).map((person) => [person.id, person.name]))
    rows = [...time.entries()]
      .map(([userId, value]) => row(userId, names.get(userId) ?? 'Former user', value.billableValueCents, null, value.costCents))
      .sort(byLabel)
  } else {
    const report = await profitability(user, range)
    const groups = new Map<string, { label: string; invoiced: number; paid: number; cost: number }>()
    for (const project of report.projects) {
      if (project.currency !== currency) continue
      const key = groupBy === 'client' ? project.clientId : (project.serviceType ?? '')
      const label = groupBy === 'client' ? (project.clientName ?? 'Unknown client') : (project.serviceType ?? NO_SERVICE_LABEL)
      const group = groups.get(key) ?? { label, invoiced: 0, paid: 0, cost: 0 }
      group.invoiced += project.revenueInvoiced
      group.paid += project.revenuePaid
      group.cost += project.cost
      groups.set(key, group)
    }
    rows = [...groups.entries()].map(([key, group]) => row(key, group.label, group.invoiced, group.paid, group.cost)).sort(byLabel)
  }
  const sum = (pick: (row: ProfitabilityRowDto) => number) => rows.reduce((total, item) => total + pick(item), 0)
  const revenueInvoiced = sum((item) => item.revenueInvoiced)
  const cost = sum((item) => item.cost)
  return {
    from: range.from,
    to: range.to,
    groupBy,
    currency,
    rows,
    summary: {
      revenueInvoiced,
      revenuePaid: groupBy === 'member' ? null : sum((item) => item.revenuePaid ?? 0),
      cost,
      margin: revenueInvoiced - cost,
      marginPercent: wholePercent(revenueInvoiced - cost, revenueInvoiced),
    },
  }
}

/** The project as the caller may drill into it: owners any, managers the ones they manage; otherwise null (a 404). */
async function drillableProject(user: StaffIdentity, projectId: string) {
  const covered = await coveredProjectIds(user)
  if (covered && !covered.includes(projectId)) return null
  const [project] = await reportProjects({ projectIds: [projectId] })
  return project ?? null
}

export async function projectDrilldown(user: StaffIdentity, projectId: string, range: Range): Promise<ProjectDrilldownDto | null> {
  const project = await drillableProject(user, projectId)
  if (!project) return null
  const clients = await clientNames([project.clientId])
  const time = await projectTimeByMemberBetween(projectId, range.from, range.to)
  const names = new Map((await listStaff()).map((person) => [person.id, person.name]))
  const members = [...time.entries()]
    .map(([userId, value]) => ({
      userId,
      name: names.get(userId) ?? 'Former user',
      seconds: value.seconds,
      billableSeconds: value.billableSeconds,
      cost: value.costCents,
      billableValue: value.billableValueCents,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId))
  const total = (pick: (member: (typeof members)[number]) => number) => members.reduce((sum, member) => sum + pick(member), 0)
  return {
    from: range.from,
    to: range.to,
    project: {
      id: project.projectId,
      name: project.name,
      clientId: project.clientId,
      clientName: clients.get(project.clientId) ?? null,
      currency: project.currency,
      serviceType: project.serviceType,
    },
    members,
    totals: {
      seconds: total((member) => member.seconds),
      billableSeconds: total((member) => member.billableSeconds),
      cost: total((member) => member.cost),
      billableValue: total((member) => member.billableValue),
    },
  }
}

export async function memberEntries(
  user: StaffIdentity,
  projectId: string,
  userId: string,
  range: Range & { page?: number; perPage?: number }
): Promise<MemberEntriesDto | null> {
  const project = await drillableProject(user, projectId)
  if (!project) return null
  const page = range.page ?? 1
  const perPage = range.perPage ?? 25
  const { total, entries } = await projectMemberEntriesBetween(projectId, userId, range.from, range.to, { page, perPage })
  const names = new Map((await listStaff()).map((person) => [person.id, person.name]))
  return {
    from: range.from,
    to: range.to,
    projectId,
    userId,
    name: names.get(userId) ?? 'Former user',
    meta: { total, perPage, currentPage: page, lastPage: Math.max(1, Math.ceil(total / perPage)) },
    data: entries.map((entry) => ({
      id: entry.id,
      date: entry.date,
      seconds: entry.seconds,
      billable: entry.billable,
      description: entry.description,
      status: entry.status,
      invoiced: entry.invoiced,
      cost: entry.costCents,
      billableValue: entry.billableValueCents,
    })),
  }
}
