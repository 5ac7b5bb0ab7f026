import { Job } from '@rlanz/bull-queue'
import { withTenant } from '#core/public/tenancy'
import ApplyStripeEvent from '#billing/actions/apply_stripe_event'

export interface ApplyStripeEventPayload {
  agencyId: string
  eventId: string
}

/** Applies a verified, stored Stripe event (queued by the webhook after its row commits). Safe to run twice. */
export default class ApplyStripeEventJob extends Job {
  static jobName = 'billing.apply_stripe_event'

  async handle(payload: ApplyStripeEventPayload) {
    await withTenant(payload.agencyId, () => new ApplyStripeEvent().handle(payload.eventId))
  }

  async rescue(payload: ApplyStripeEventPayload, error: Error) {
    // The event stays unprocessed: the daily reconciliation applies it (and re-reads Stripe) later.
    this.logger.error({ err: error, eventId: payload.eventId }, 'Stripe event not applied after every retry')
  }
}
