import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy } from '#core/public/tenancy'
import TimeEntry from '#time/models/time_entry'
import Timesheet from '#time/models/timesheet'
import TimesheetNotificationJob from '#time/jobs/timesheet_notification_job'
import { entrySnapshot } from '#time/actions/entry_snapshot'
import { timesheetSnapshot } from '#time/actions/timesheet_snapshot'
import { addDays, weekStartOf } from '#time/rules/calendar'

/**
 * A person submits their week (Monday–Sunday holding `day`) for approval:
 * every draft entry becomes submitted (and immutable), the timesheet row is
 * created or moved back to submitted, and the projects' managers are told.
 * A week with no time waiting is a 422; a week already submitted or approved
 * is a 409. The week's row is locked first, so two submits never both win.
 */
export default class SubmitWeek {
  async handle(userId: string, day: string): Promise<Timesheet> {
    const weekStart = weekStartOf(day)
    const existing = await Timesheet.query().where('userId', userId).where('weekStart', weekStart).forUpdate().first()
    if (existing && existing.status !== 'rejected') {
      throw new ConflictException(`The week of ${weekStart} is already ${existing.status}`)
    }
    // Drafts, and time a rejection left submitted on another manager's project: both wait for a decision again.
    const open = await TimeEntry.query()
      .where('userId', userId)
      .whereBetween('entryDate', [weekStart, addDays(weekStart, 6)])
      .whereIn('status', ['draft', 'submitted'])
      .orderBy(['entryDate', 'createdAt'])
      .forUpdate()
    if (open.length === 0) fieldError('week', `The week of ${weekStart} has no time to submit`, 'empty')

    const now = DateTime.utc()
    const before = timesheetSnapshot(existing ?? null)
    const sheet = existing ?? new Timesheet()
    sheet.merge({ userId, weekStart, status: 'submitted', submittedAt: now, decidedAt: null, decidedByUserId: null, rejectionReason: null })
    try {
      await sheet.save()
    } catch (error) {
      // Another request created the row between our read and this insert.
      if ((error as { code?: string }).code === '23505') throw new ConflictException(`The week of ${weekStart} is already submitted`)
      throw error
    }
    await recordAudit({ entityType: 'timesheet', entityId: sheet.id, action: 'submitted', before, after: timesheetSnapshot(sheet) })

    for (const entry of open.filter((candidate) => candidate.status === 'draft')) {
      const entryBefore = entrySnapshot(entry)
      entry.merge({ status: 'submitted', submittedAt: now })
      await entry.save()
      await recordAudit({ entityType: 'time_entry', entityId: entry.id, action: 'submitted', before: entryBefore, after: entrySnapshot(entry) })
    }

    await dispatchAfterCommit(TimesheetNotificationJob, {
      agencyId: tenancy.agencyId(),
      event: 'submitted',
      timesheetId: sheet.id,
      userId,
      weekStart,
      projectIds: [...new Set(open.map((entry) => entry.projectId))],
    })
    return sheet
  }
}
