/** Money in integer minor units of `currency`; percentages are whole numbers (null when undefined). */
export interface ProjectProfitabilityDto {
  projectId: string
  name: string
  clientId: string
  clientName: string | null
  /** the project's service type; null when not set */
  serviceType: string | null
  currency: string
  revenueInvoiced: number
  revenuePaid: number
  cost: number
  costTime: number
  costExpenses: number
  /** revenueInvoiced − cost */
  margin: number
  /** margin / revenueInvoiced; null without revenue */
  marginPercent: number | null
  /** null when the project has no money budget */
  budget: number | null
  /** the project's spend to date (all time, not only the range): time × cost rate + approved expenses */
  spent: number
  /** spent / budget; null without a budget */
  burnPercent: number | null
}

export interface ProfitabilitySummaryDto {
  /** The currency of the sums: the agency's; projects in another currency are left out of them. */
  currency: string
  totalBudget: number
  totalSpent: number
  revenueInvoiced: number
  revenuePaid: number
  cost: number
  margin: number
}

export interface ProfitabilityDto {
  from: string
  to: string
  projects: ProjectProfitabilityDto[]
  summary: ProfitabilitySummaryDto
}
