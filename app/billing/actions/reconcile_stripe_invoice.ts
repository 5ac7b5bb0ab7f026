import { recordAudit } from '#core/public/audit'
import { tenancy } from '#core/public/tenancy'
import Payment from '#billing/models/payment'
import ApplyStripeEvent from '#billing/actions/apply_stripe_event'
import SyncStripeLedger from '#billing/actions/sync_stripe_ledger'
import { retrieveOrNull, stripeId } from '#billing/stripe/event_target'
import { stripeClient } from '#billing/stripe/stripe_client'

/**
 * Repairs one invoice's Stripe ledger from Stripe itself, whatever webhooks
 * were lost or late: applies its stored events still unprocessed, then
 * re-reads every payment intent it knows of (its Checkout session's, its
 * ledger's, its events') with their refunds and disputes. Idempotent: a
 * second run changes nothing.
 */
export default class ReconcileStripeInvoice {
  async handle(invoiceId: string) {
    const stripe = stripeClient()
    if (!stripe) return { changes: 0, pendingEvents: 0 }
    const invoice = await SyncStripeLedger.lockInvoice(invoiceId)
    if (!invoice) return { changes: 0, pendingEvents: 0 }
    const trx = tenancy.client()

    const pending = await trx.from('stripe_events').where('invoice_id', invoiceId).whereNull('processed_at').orderBy('received_at').select('id')
    for (const event of pending) await new ApplyStripeEvent().handle(event.id, { skipLocked: true })

    const intents = new Set<string>()
    if (invoice.stripeCheckoutSessionId) {
      const session = await retrieveOrNull(() => stripe.checkout.sessions.retrieve(invoice.stripeCheckoutSessionId!))
      const intentId = stripeId(session?.payment_intent)
      if (intentId) intents.add(intentId)
    }
    const rows = await Payment.query().where('invoiceId', invoiceId).whereNotNull('stripeObjectId').where('kind', 'payment')
    for (const row of rows) intents.add(row.stripeObjectId!)
    const fromEvents = await trx
      .from('stripe_events')
      .where('invoice_id', invoiceId)
      .select(
        trx.raw(`distinct coalesce(
          payload #>> '{data,object,payment_intent}',
          case when payload #>> '{data,object,object}' = 'payment_intent' then payload #>> '{data,object,id}' end) as intent_id`)
      )
    for (const row of fromEvents) if (row.intent_id) intents.add(row.intent_id)

    const ledger = new SyncStripeLedger(stripe, invoice)
    for (const intentId of [...intents].sort()) await ledger.everythingOf(intentId)
    const { invoice: refreshed, before } = await ledger.refresh()
    if (ledger.changes.length > 0) {
      await recordAudit({
        entityType: 'invoice',
        entityId: invoiceId,
        action: 'stripe_reconciled',
        before: { status: before },
        after: { status: refreshed.status, changes: ledger.changes },
      })
    }
    return { changes: ledger.changes.length, pendingEvents: pending.length, status: refreshed.status }
  }
}
