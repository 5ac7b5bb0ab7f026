/** The /dashboard `widgets` prop (app/reports/dtos/dashboards.ts). Money in minor units of `currency`. */
export interface RevenueMonth {
  month: string
  invoiced: number
  paid: number
}

export interface ProjectHealth {
  projectId: string
  name: string
  currency: string
  budget: number | null
  spent: number
  burnPercent: number | null
  overBudget: boolean
}

export interface OwnerWidgets {
  kind: 'owner'
  today: string
  currency: string
  revenueThisMonth: RevenueMonth
  revenueMonths: RevenueMonth[]
  receivables: { outstanding: number; overdue: number; overdueCount: number; buckets: Array<{ label: string; count: number; amount: number }> }
  utilizationAvg: number | null
  pipelineWeighted: number
  overBudget: ProjectHealth[]
}

export interface ManagerWidgets {
  kind: 'manager'
  today: string
  currency: string
  projects: ProjectHealth[]
  approvals: { count: number; weeks: Array<{ userId: string; name: string; weekStart: string; seconds: number }> }
}

export interface MemberWidgets {
  kind: 'member'
  today: string
  tasksDueSoon: Array<{ taskId: string; title: string; projectId: string; projectName: string; priority: string; status: string; dueDate: string; overdue: boolean }>
  hoursThisWeek: { weekStart: string; weekEnd: string; loggedSeconds: number; billableSeconds: number }
}

export type DashboardWidgets = OwnerWidgets | ManagerWidgets | MemberWidgets

/** 9,000 s → "2:30". */
export function formatHours(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}
