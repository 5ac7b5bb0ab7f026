import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import Stripe from 'stripe'
import env from '#start/env'
import { dispatchAfterCommit } from '#core/public/queue'
import { withTenant } from '#core/public/tenancy'
import ApplyStripeEventJob from '#billing/jobs/apply_stripe_event_job'
import { APPLIED_EVENT_TYPES, eventTarget } from '#billing/stripe/event_target'
import { stripeClient } from '#billing/stripe/stripe_client'

/** Stripe's default: a signature older than 5 minutes is a replay. */
const TOLERANCE_SECONDS = 300

/**
 * `POST /api/webhooks/stripe`. Verifies the signature on the raw body, finds
 * the invoice the event is about, stores the event once and answers
 * `{ processed: true }` at once; the effect runs on the queue
 * (`billing.apply_stripe_event`).
 *
 * - Stripe not configured (no `STRIPE_WEBHOOK_SECRET` or no `STRIPE_SECRET_KEY`,
 *   without which nothing could be re-read): 404.
 * - Missing, tampered or stale signature, or a body that is not an event: 400, nothing stored.
 * - An event that names no invoice of ours (another system's, a deleted
 *   agency's, no metadata at all): 200 `{ processed: true }` and nothing stored
 *   — there is no agency to keep it under, and retrying would not change that.
 * - Stripe unreachable while looking up a charge's payment intent: 503, so Stripe retries.
 * - The same event id again: 200, still one row; applied at most once.
 */
export default class StripeWebhooksController {
  async handle({ request, response }: HttpContext) {
    const secret = env.get('STRIPE_WEBHOOK_SECRET')
    const stripe = stripeClient()
    if (!secret || !stripe) return response.notFound({ errors: [{ message: 'Stripe is not configured' }] })

    const signature = request.header('stripe-signature')
    const raw = request.raw()
    if (!signature || !raw) return response.badRequest({ errors: [{ message: 'Missing Stripe signature or body' }] })
    let event: Stripe.Event
    try {
      event = Stripe.webhooks.constructEvent(raw, signature, secret, TOLERANCE_SECONDS)
    } catch (error) {
      return response.badRequest({ errors: [{ message: `Invalid Stripe signature: ${(error as Error).message}` }] })
    }
    if (typeof event?.id !== 'string' || typeof event.type !== 'string' || !event.data?.object) {
      return response.badRequest({ errors: [{ message: 'Not a Stripe event' }] })
    }

    let target
    try {
      target = await eventTarget(stripe, event)
    } catch (error) {
      logger.warn({ err: error, eventId: event.id }, 'Stripe lookup failed for a webhook event')
      return response.serviceUnavailable({ errors: [{ message: 'Stripe could not be reached; retry later' }] })
    }
    if (!target) return { processed: true }

    const applied = APPLIED_EVENT_TYPES.has(event.type)
    await withTenant(target.agencyId, async (scope) => {
      // Stored only when the invoice is this agency's (RLS: the agency's system sees its own invoices only).
      const inserted = await scope.trx.rawQuery(
        `insert into stripe_events (id, agency_id, invoice_id, type, payload, processed_at)
         select ?, ?, ?, ?, ?::jsonb, ${applied ? 'null' : 'now()'} where exists (select 1 from invoices where id = ?)
         on conflict (id) do nothing returning id`,
        [event.id, target.agencyId, target.invoiceId, event.type, JSON.stringify(event), target.invoiceId]
      )
      if (!applied) return
      if (inserted.rows.length === 0) {
        // Not our invoice (nothing stored), or a duplicate. A duplicate still waiting after a minute lost its job:
        // queue it again (the job skips processed events anyway). Sooner, its first job is on its way.
        const stored = await scope.trx
          .from('stripe_events')
          .where('id', event.id)
          .select('processed_at', scope.trx.raw(`received_at < now() - interval '1 minute' as stale`))
          .first()
        if (!stored || stored.processed_at || !stored.stale) return
      }
      await dispatchAfterCommit(ApplyStripeEventJob, { agencyId: target.agencyId, eventId: event.id })
    })
    return { processed: true }
  }
}
