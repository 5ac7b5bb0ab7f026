import { Job } from '@rlanz/bull-queue'
import { DateTime } from 'luxon'
import { notifyUsers } from '#core/public/notifications'
import { withTenant } from '#core/public/tenancy'
import { findStaff } from '#core/public/users'
import { projectManagerIds, projectNames } from '#projects/public/time_targets'

export interface TimesheetNotificationPayload {
  agencyId: string
  event: 'submitted' | 'approved' | 'rejected'
  timesheetId: string
  /** Whose week it is. */
  userId: string
  weekStart: string
  /** Submitted: the projects with time in the week; decided: the projects whose time was decided. */
  projectIds: string[]
  /** Approved: whether the whole week is approved now (not only these projects' time). */
  weekApproved?: boolean
  reason?: string | null
}

const weekLabel = (weekStart: string) => DateTime.fromISO(weekStart, { zone: 'utc' }).toFormat('d LLL yyyy')

/**
 * In-app notifications about a week (only `system` may notify others, so this
 * runs on the queue after the decision commits): the project's managers when
 * it is submitted, the person when it is approved or rejected.
 */
export default class TimesheetNotificationJob extends Job {
  static jobName = 'time.timesheet_notification'

  async handle(payload: TimesheetNotificationPayload) {
    await withTenant(payload.agencyId, async () => {
      const names = [...(await projectNames(payload.projectIds)).values()].map((project) => project.name).sort()
      const week = weekLabel(payload.weekStart)
      if (payload.event === 'submitted') {
        const person = await findStaff(payload.userId)
        const managers = new Set<string>()
        for (const projectId of payload.projectIds) for (const id of await projectManagerIds(projectId)) managers.add(id)
        managers.delete(payload.userId)
        await notifyUsers([...managers], {
          kind: 'time.week_submitted',
          title: `${person?.name ?? 'Someone'} submitted the week of ${week} for approval`,
          body: names.length ? `Time on ${names.join(', ')}` : null,
          href: '/time/approvals',
        })
        return
      }
      const href = `/time/week?week=${payload.weekStart}`
      if (payload.event === 'approved') {
        await notifyUsers([payload.userId], {
          kind: 'time.week_approved',
          title: payload.weekApproved ? `Your week of ${week} was approved` : `Your time on ${names.join(', ')} in the week of ${week} was approved`,
          body: null,
          href,
        })
        return
      }
      await notifyUsers([payload.userId], {
        kind: 'time.week_rejected',
        title: `Your week of ${week} was rejected`,
        body: `Reason: ${payload.reason ?? ''}`.trim(),
        href,
      })
    })
  }

  async rescue(payload: TimesheetNotificationPayload, error: Error) {
    this.logger.error({ err: error, timesheetId: payload.timesheetId, event: payload.event }, 'timesheet notification failed after every retry')
  }
}
