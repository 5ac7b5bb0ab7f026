/**
 * Approving and rejecting a submitted week. The approver decides only the
 * time they answer for: the owner all of it, a manager the time on projects
 * they manage. Entries change status only (a manager never edits them); the
 * week is approved once none of its time waits any more, and a rejection
 * reopens the week for editing. Every change is audited; the person is told
 * through the queue once the decision commits.
 */
import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy } from '#core/public/tenancy'
import type { StaffIdentity } from '#core/public/users'
import { managedProjectIds } from '#projects/public/time_targets'
import TimeEntry from '#time/models/time_entry'
import Timesheet from '#time/models/timesheet'
import TimesheetNotificationJob from '#time/jobs/timesheet_notification_job'
import { entrySnapshot } from '#time/actions/entry_snapshot'
import { timesheetSnapshot } from '#time/actions/timesheet_snapshot'
import { addDays } from '#time/rules/calendar'

export type Approver = Pick<StaffIdentity, 'id' | 'role'>

/** The submitted entries of the week that `approver` decides (locked for the decision). */
export async function decidableEntries(sheet: Timesheet, approver: Approver, options: { lock?: boolean } = {}) {
  const query = TimeEntry.query()
    .where('userId', sheet.userId)
    .whereBetween('entryDate', [sheet.weekStart, addDays(sheet.weekStart, 6)])
    .where('status', 'submitted')
    .orderBy(['entryDate', 'createdAt'])
  if (approver.role !== 'owner') query.whereIn('projectId', await managedProjectIds(approver.id))
  if (options.lock) query.forUpdate()
  return query
}

/** The submitted week, locked; anything else is a 409 (a week the approver cannot see is a 404). */
async function submittedWeek(timesheetId: string) {
  const sheet = await Timesheet.query().where('id', timesheetId).forUpdate().firstOrFail()
  if (sheet.status !== 'submitted') {
    throw new ConflictException(`This week is ${sheet.status === 'rejected' ? 'rejected and back with its owner' : sheet.status}: only a submitted week can be decided`)
  }
  return sheet
}

async function entriesToDecide(sheet: Timesheet, approver: Approver) {
  const entries = await decidableEntries(sheet, approver, { lock: true })
  if (entries.length === 0) throw new ConflictException('None of the time in this week waits for your decision')
  return entries
}

async function openEntries(sheet: Timesheet): Promise<number> {
  // Owner-rights count: a manager sees only their projects' time, the week's state depends on all of it.
  const result = await tenancy.client().rawQuery('select time_week_open_entries(?, ?::date) as open', [sheet.userId, sheet.weekStart])
  return Number(result.rows[0]?.open ?? 0)
}

export class ApproveWeek {
  async handle(timesheetId: string, approver: Approver): Promise<Timesheet> {
    const sheet = await submittedWeek(timesheetId)
    const entries = await entriesToDecide(sheet, approver)
    const now = DateTime.utc()
    for (const entry of entries) {
      const before = entrySnapshot(entry)
      entry.merge({ status: 'approved', approvedAt: now, approvedByUserId: approver.id })
      await entry.save()
      await recordAudit({ entityType: 'time_entry', entityId: entry.id, action: 'approved', before, after: entrySnapshot(entry) })
    }
    const weekApproved = (await openEntries(sheet)) === 0
    if (weekApproved) {
      const before = timesheetSnapshot(sheet)
      sheet.merge({ status: 'approved', decidedAt: now, decidedByUserId: approver.id, rejectionReason: null })
      await sheet.save()
      await recordAudit({ entityType: 'timesheet', entityId: sheet.id, action: 'approved', before, after: timesheetSnapshot(sheet) })
    }
    await dispatchAfterCommit(TimesheetNotificationJob, {
      agencyId: tenancy.agencyId(),
      event: 'approved',
      timesheetId: sheet.id,
      userId: sheet.userId,
      weekStart: sheet.weekStart,
      projectIds: [...new Set(entries.map((entry) => entry.projectId))],
      weekApproved,
    })
    return sheet
  }
}

export class RejectWeek {
  async handle(timesheetId: string, approver: Approver, reason: string): Promise<Timesheet> {
    const sheet = await submittedWeek(timesheetId)
    const entries = await entriesToDecide(sheet, approver)
    const now = DateTime.utc()
    for (const entry of entries) {
      const before = entrySnapshot(entry)
      entry.merge({ status: 'draft', submittedAt: null })
      await entry.save()
      await recordAudit({ entityType: 'time_entry', entityId: entry.id, action: 'rejected', before, after: { ...entrySnapshot(entry), reason } })
    }
    const before = timesheetSnapshot(sheet)
    sheet.merge({ status: 'rejected', decidedAt: now, decidedByUserId: approver.id, rejectionReason: reason })
    await sheet.save()
    await recordAudit({ entityType: 'timesheet', entityId: sheet.id, action: 'rejected', before, after: timesheetSnapshot(sheet) })
    await dispatchAfterCommit(TimesheetNotificationJob, {
      agencyId: tenancy.agencyId(),
      event: 'rejected',
      timesheetId: sheet.id,
      userId: sheet.userId,
      weekStart: sheet.weekStart,
      projectIds: [...new Set(entries.map((entry) => entry.projectId))],
      reason,
    })
    return sheet
  }
}
