import type { TimeEntryDto } from '#time/dtos/time_entry'

/** A person's week: `draft` when it was never submitted (no timesheet row). */
export type WeekStatus = 'draft' | 'submitted' | 'approved' | 'rejected'

export interface WeekTotals {
  /** Every entry of the week, in seconds. */
  seconds: number
  billableSeconds: number
  /** Seconds per day, 'YYYY-MM-DD' → seconds, for all seven days. */
  byDay: Record<string, number>
}

/** What pages and the API receive about a timesheet (a person's week). */
export interface TimesheetDto {
  /** Null while the week is a draft that was never submitted. */
  id: string | null
  userId: string
  /** The Monday, 'YYYY-MM-DD'. */
  weekStart: string
  weekEnd: string
  status: WeekStatus
  submittedAt: string | null
  decidedAt: string | null
  decidedByUserId: string | null
  rejectionReason: string | null
  /** Submitted or approved: nothing in the week may change. */
  locked: boolean
}

export interface WeekTimesheetDto extends TimesheetDto {
  entries: TimeEntryDto[]
  totals: WeekTotals
}

/** One project's share of a week waiting for approval. */
export interface PendingProjectDto {
  projectId: string
  projectName: string
  seconds: number
  billableSeconds: number
}

/** A submitted person-week as an approver sees it: only the time they decide. */
export interface PendingTimesheetDto extends TimesheetDto {
  person: { id: string; name: string; email: string }
  seconds: number
  billableSeconds: number
  projects: PendingProjectDto[]
  entries: TimeEntryDto[]
}
