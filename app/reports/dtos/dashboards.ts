/** The /dashboard `widgets` prop by role. Money in minor units of `currency` (the agency's). */
import type { AgeingBucketDto, RevenueMonthDto } from '#reports/dtos/insights'

export interface ProjectHealthDto {
  projectId: string
  name: string
  currency: string
  budget: number | null
  /** spend to date: time × cost rate + approved expenses */
  spent: number
  burnPercent: number | null
  overBudget: boolean
}

export interface OwnerDashboardDto {
  kind: 'owner'
  today: string
  currency: string
  /** this month so far (the last of `revenueMonths`) */
  revenueThisMonth: RevenueMonthDto
  /** the last six months, this one included */
  revenueMonths: RevenueMonthDto[]
  /** this month so far: revenue invoiced (net of tax) − cost (time × cost rate + expenses), as the profitability report counts it */
  marginThisMonth: { revenue: number; cost: number; margin: number; marginPercent: number | null }
  receivables: { outstanding: number; overdue: number; overdueCount: number; buckets: AgeingBucketDto[] }
  /** agency average utilization this month to today, whole percent */
  utilizationAvg: number | null
  pipelineWeighted: number
  overBudget: ProjectHealthDto[]
}

export interface ManagerDashboardDto {
  kind: 'manager'
  today: string
  currency: string
  projects: ProjectHealthDto[]
  approvals: { count: number; weeks: Array<{ userId: string; name: string; weekStart: string; seconds: number }> }
}

export interface MemberDashboardDto {
  kind: 'member'
  today: string
  /** open tasks assigned to me due within 7 days, late ones included */
  tasksDueSoon: Array<{ taskId: string; title: string; projectId: string; projectName: string; priority: string; status: string; dueDate: string; overdue: boolean }>
  hoursThisWeek: { weekStart: string; weekEnd: string; loggedSeconds: number; billableSeconds: number }
}

export type DashboardWidgetsDto = OwnerDashboardDto | ManagerDashboardDto | MemberDashboardDto
