/**
 * Submitted weeks waiting for a decision by `approver` (the owner: every
 * week; a manager: weeks with time on the projects they manage), as plain
 * data for dashboards.
 */
import type { StaffIdentity } from '#core/public/users'
import { pendingTimesheets } from '#time/queries/pending_timesheets'

export interface WaitingWeek {
  userId: string
  name: string
  weekStart: string
  /** Seconds of this week on the approver's projects. */
  seconds: number
}

export async function weeksAwaitingApproval(approver: Pick<StaffIdentity, 'id' | 'role'>): Promise<WaitingWeek[]> {
  return (await pendingTimesheets(approver)).map((sheet) => ({
    userId: sheet.person.id,
    name: sheet.person.name,
    weekStart: sheet.weekStart,
    seconds: sheet.seconds,
  }))
}
