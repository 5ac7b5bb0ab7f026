import type Project from '#projects/models/project'
import type { BillingType, ProjectStatus, RetainerPeriod } from '#projects/models/project'
import type { ProjectBudget } from '#projects/queries/project_budgets'

export type { ProjectStatus, BillingType, RetainerPeriod }

/** A row of the projects list. Money in minor units of `currency`; dates 'YYYY-MM-DD'. */
export interface ProjectListItemDto {
  id: string
  name: string
  status: ProjectStatus
  billingType: BillingType
  /** A category such as "Web design" or "SEO"; null when not set. */
  serviceType: string | null
  budget: number | null
  budgetHours: number | null
  currency: string
  startDate: string | null
  deadline: string | null
  client: { id: string; name: string | null }
  /** Null when the project did not come from a deal, or the reader may not see deals. */
  sourceDeal: { id: string; title: string } | null
  managers: Array<{ id: string; name: string }>
  /** Whole percent of the larger of money and hours burn; null without a budget. */
  burnPercent: number | null
  overBudget: boolean
  createdAt: string
}

export interface ProjectTeamMemberDto {
  userId: string
  name: string
  role: 'manager' | 'member'
  /** Overrides on this project, minor units per hour; null = inherited. */
  billableRate: number | null
  costRate: number | null
  weeklyHours: number | null
}

export interface ProjectDetailDto extends ProjectListItemDto {
  description: string | null
  hourlyRate: number | null
  /** Time logged on the project is billable unless the person says otherwise. */
  billableByDefault: boolean
  retainer: {
    amount: number | null
    period: RetainerPeriod | null
    includedHours: number | null
    /** Unused included hours carry over this many periods; 0 = none. */
    rolloverPeriods: number
    overageRate: number | null
  }
  /** 0–100: done tasks weighted by estimate (milestones when there are no tasks). */
  progress: number
  team: ProjectTeamMemberDto[]
}

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  planning: 'Planning',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
}

export const toHours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 100) / 100)

export function toProjectListItemDto(
  project: Project,
  related: {
    clients: Map<string, string>
    deals: Map<string, string>
    managers?: Map<string, Array<{ id: string; name: string }>>
    budgets?: Map<string, ProjectBudget>
  }
): ProjectListItemDto {
  const dealTitle = project.sourceDealId ? related.deals.get(project.sourceDealId) : undefined
  const budget = related.budgets?.get(project.id)
  return {
    id: project.id,
    name: project.name,
    status: project.status,
    billingType: project.billingType,
    serviceType: project.serviceType ?? null,
    budget: project.budgetCents,
    budgetHours: toHours(project.budgetSeconds),
    currency: project.currency,
    startDate: project.startDate,
    deadline: project.deadline,
    client: { id: project.clientId, name: related.clients.get(project.clientId) ?? null },
    sourceDeal: project.sourceDealId && dealTitle ? { id: project.sourceDealId, title: dealTitle } : null,
    managers: related.managers?.get(project.id) ?? [],
    burnPercent: budget?.burnPercent ?? null,
    overBudget: budget?.overBudget ?? false,
    createdAt: project.createdAt.toISO()!,
  }
}
