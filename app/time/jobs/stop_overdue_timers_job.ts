import { Job } from '@rlanz/bull-queue'
import { tenancy, withTenant } from '#core/public/tenancy'
import { dispatchAfterCommit } from '#core/public/queue'
import { DiscardTimer, StopTimer, isRuleError } from '#time/actions/timer'

/** How often the sweep looks for timers that reached 12 hours. */
export const TIMER_SWEEP_EVERY_MS = 5 * 60 * 1000

/**
 * Stops every timer that has run 12 hours, at startedAt + 12 h, in every
 * agency, and tells its owner in the app. Each timer in its own tenant
 * transaction; a timer someone stopped meanwhile is simply gone (the stop is
 * idempotent). A timer whose time breaks a rule (its project was completed,
 * the week submitted) ends without entries and the person is told why.
 */
export default class StopOverdueTimersJob extends Job {
  static jobName = 'time.stop_overdue_timers'

  async handle() {
    // No tenant: the SECURITY DEFINER function returns ids only, across agencies.
    const overdue = await tenancy.run(async (scope) => {
      const result = await scope.trx.rawQuery('select agency_id, user_id from time_overdue_timers()')
      return result.rows as { agency_id: string; user_id: string }[]
    })
    for (const { agency_id: agencyId, user_id: userId } of overdue) {
      try {
        await withTenant(agencyId, () => new StopTimer().handle(userId))
      } catch (error) {
        if (!isRuleError(error)) {
          this.logger.error({ err: error, agencyId, userId }, 'could not stop an overdue timer')
          continue
        }
        const reason = (error as { messages?: { message: string }[] }).messages?.[0]?.message ?? (error as Error).message
        await withTenant(agencyId, () => new DiscardTimer().handleUnloggable(userId, reason))
      }
    }
  }

  async rescue(_payload: unknown, error: Error) {
    this.logger.error({ err: error }, 'timer sweep failed after every retry')
  }
}

/** Puts the 5-minute sweep in place as a BullMQ repeatable job; the same name and interval make one schedule. */
export async function scheduleTimerSweep() {
  await dispatchAfterCommit(StopOverdueTimersJob, {}, { repeat: { every: TIMER_SWEEP_EVERY_MS } })
}
