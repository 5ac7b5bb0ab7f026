import type Stripe from 'stripe'
import { recordAudit } from '#core/public/audit'
import { tenancy } from '#core/public/tenancy'
import SyncStripeLedger from '#billing/actions/sync_stripe_ledger'
import { APPLIED_EVENT_TYPES, stripeId } from '#billing/stripe/event_target'
import { stripeClient } from '#billing/stripe/stripe_client'

export interface AppliedEvent {
  applied: boolean
  changes: number
  status?: string
}

/**
 * Applies one stored Stripe event, at most once: the event row is locked,
 * skipped when already processed, its effect applied and `processed_at` set
 * in the same transaction (the caller's tenant transaction). The effect never
 * trusts the event's copy of the object: it re-reads the payment intent, the
 * charge's refunds or the dispute from Stripe and writes the ledger to that.
 */
export default class ApplyStripeEvent {
  /**
   * `skipLocked`: an event another transaction is applying right now is left
   * to it (the reconciliation, which already holds the invoice lock, must not
   * wait for a job that waits for that lock).
   */
  async handle(eventId: string, options: { skipLocked?: boolean } = {}): Promise<AppliedEvent> {
    const trx = tenancy.client()
    const query = trx.from('stripe_events').where('id', eventId).forUpdate()
    const row = await (options.skipLocked ? query.skipLocked() : query).first()
    if (!row || row.processed_at) return { applied: false, changes: 0 }

    const event = row.payload as Stripe.Event
    let result: AppliedEvent = { applied: true, changes: 0 }
    if (row.invoice_id && APPLIED_EVENT_TYPES.has(event.type)) result = await this.apply(event, row.invoice_id)

    await trx.from('stripe_events').where('id', eventId).update({ processed_at: new Date() })
    await recordAudit({
      entityType: 'stripe_event',
      entityId: eventId,
      action: 'applied',
      after: { type: event.type, invoiceId: row.invoice_id, changes: result.changes, status: result.status ?? null },
    })
    return result
  }

  private async apply(event: Stripe.Event, invoiceId: string): Promise<AppliedEvent> {
    const stripe = stripeClient()
    if (!stripe) throw new Error('Stripe is not configured (STRIPE_SECRET_KEY): the event stays unprocessed')
    const invoice = await SyncStripeLedger.lockInvoice(invoiceId)
    if (!invoice) return { applied: true, changes: 0 }
    const ledger = new SyncStripeLedger(stripe, invoice)
    const object = event.data.object as unknown as Record<string, unknown>

    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const intentId = stripeId(object.payment_intent)
        if (intentId) await ledger.paymentIntent(intentId)
        break
      }
      case 'payment_intent.succeeded':
        await ledger.paymentIntent(String(object.id))
        break
      case 'payment_intent.payment_failed': {
        const error = object.last_payment_error as { message?: string } | null | undefined
        const detail = `Payment failed${error?.message ? `: ${error.message}`.slice(0, 900) : ''} (${String(object.id)})`
        await tenancy
          .client()
          .rawQuery(
            `insert into invoice_activities (agency_id, invoice_id, kind, detail, dedupe_key) values (?, ?, 'payment_failed', ?, ?)
             on conflict (invoice_id, dedupe_key) where dedupe_key is not null do nothing`,
            [invoice.agencyId, invoice.id, detail, `stripe:event:${event.id}`]
          )
        return { applied: true, changes: 0, status: invoice.status }
      }
      case 'charge.refunded': {
        await ledger.refunds({ charge: String(object.id) })
        break
      }
      case 'charge.refund.updated':
      case 'refund.created':
      case 'refund.updated':
      case 'refund.failed': {
        const chargeId = stripeId(object.charge)
        const intentId = stripeId(object.payment_intent)
        if (chargeId) await ledger.refunds({ charge: chargeId })
        else if (intentId) await ledger.refunds({ payment_intent: intentId })
        break
      }
      default:
        // charge.dispute.*
        await ledger.dispute(String(object.id))
    }

    const { invoice: refreshed } = await ledger.refresh()
    return { applied: true, changes: ledger.changes.length, status: refreshed.status }
  }
}
