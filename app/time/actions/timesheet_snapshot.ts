import type Timesheet from '#time/models/timesheet'

/** What the audit log keeps of a timesheet, before and after each change. */
export function timesheetSnapshot(sheet: Timesheet | null) {
  if (!sheet) return { status: 'draft' }
  return {
    userId: sheet.userId,
    weekStart: sheet.weekStart,
    status: sheet.status,
    submittedAt: sheet.submittedAt?.toISO() ?? null,
    decidedAt: sheet.decidedAt?.toISO() ?? null,
    decidedByUserId: sheet.decidedByUserId,
    rejectionReason: sheet.rejectionReason,
  }
}
