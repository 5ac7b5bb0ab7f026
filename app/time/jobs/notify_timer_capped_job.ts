import { Job } from '@rlanz/bull-queue'
import { notifyUsers, type NewNotification } from '#core/public/notifications'
import { withTenant } from '#core/public/tenancy'

export interface NotifyTimerCappedPayload {
  agencyId: string
  userId: string
  notification: NewNotification
}

/** A request found a timer past 12 hours and stopped it: the person hears of it under the bell (only `system` notifies). */
export default class NotifyTimerCappedJob extends Job {
  static jobName = 'time.notify_timer_capped'

  async handle(payload: NotifyTimerCappedPayload) {
    await withTenant(payload.agencyId, () => notifyUsers([payload.userId], payload.notification))
  }

  async rescue(payload: NotifyTimerCappedPayload, error: Error) {
    this.logger.error({ err: error, userId: payload.userId }, 'timer notification failed after every retry')
  }
}
