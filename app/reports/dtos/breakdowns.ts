/** Money in integer minor units of `currency` (the agency's); percentages are whole numbers (null when undefined). */

export type ProfitabilityGroupBy = 'project' | 'client' | 'member' | 'service'

export interface ProfitabilityRowDto {
  /** client id, user id, or the service type ('' for projects without one) */
  key: string
  label: string
  /**
   * client / service: the projects' revenue invoiced (as in the project report).
   * member: the billable value of their time in the range — billable seconds × the
   * billable rate frozen on each entry, invoiced or not.
   */
  revenueInvoiced: number
  /** client / service: the projects' revenue paid; member: null (payments are not attributable to people). */
  revenuePaid: number | null
  /** client / service: the projects' cost (time + approved expenses); member: their time × frozen cost rate. */
  cost: number
  /** revenueInvoiced − cost */
  margin: number
  /** margin / revenueInvoiced; null without revenue */
  marginPercent: number | null
}

export interface ProfitabilityBreakdownDto {
  from: string
  to: string
  groupBy: Exclude<ProfitabilityGroupBy, 'project'>
  /** Projects in another currency than the agency's are left out. */
  currency: string
  rows: ProfitabilityRowDto[]
  summary: { revenueInvoiced: number; revenuePaid: number | null; cost: number; margin: number; marginPercent: number | null }
}

export interface DrilldownMemberDto {
  userId: string
  name: string
  seconds: number
  billableSeconds: number
  /** time × frozen cost rate, rounded half-up once per member */
  cost: number
  /** billable time × frozen billable rate, rounded half-up once per member */
  billableValue: number
}

export interface ProjectDrilldownDto {
  from: string
  to: string
  project: { id: string; name: string; clientId: string; clientName: string | null; currency: string; serviceType: string | null }
  members: DrilldownMemberDto[]
  totals: { seconds: number; billableSeconds: number; cost: number; billableValue: number }
}

export interface DrilldownEntryDto {
  id: string
  date: string
  seconds: number
  billable: boolean
  description: string
  status: 'draft' | 'submitted' | 'approved'
  invoiced: boolean
  /** rounded half-up per entry */
  cost: number
  billableValue: number
}

export interface MemberEntriesDto {
  from: string
  to: string
  projectId: string
  userId: string
  name: string
  meta: { total: number; perPage: number; currentPage: number; lastPage: number }
  data: DrilldownEntryDto[]
}
