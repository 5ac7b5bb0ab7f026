import { Job } from '@rlanz/bull-queue'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy, withTenant } from '#core/public/tenancy'
import ReconcileStripeInvoice from '#billing/actions/reconcile_stripe_invoice'
import { stripeClient } from '#billing/stripe/stripe_client'

export interface ReconcileStripePayload {
  /** How far back Stripe activity is re-read (default 30 days). */
  days?: number
  /** Only this agency (an operator's "reconcile now"); every agency when absent. */
  agencyId?: string
}

export const RECONCILE_DAYS = 30
/** Every day at 03:30 UTC. */
export const RECONCILE_CRON = '30 3 * * *'

/**
 * The daily safety net behind the webhooks: for every invoice with a Checkout
 * session or Stripe ledger activity in the window (or an event still
 * unprocessed), re-read Stripe and repair the ledger, one invoice per tenant
 * transaction. Idempotent; a failing invoice does not stop the others (the
 * job then fails, and its retry repeats the harmless rest).
 */
export default class ReconcileStripeJob extends Job {
  static jobName = 'billing.reconcile_stripe'

  async handle(payload: ReconcileStripePayload = {}) {
    if (!stripeClient()) return
    const days = Math.max(1, Math.min(400, Math.trunc(payload?.days ?? RECONCILE_DAYS)))
    // No tenant: the SECURITY DEFINER function returns ids only, across agencies.
    const targets = await tenancy.run(async (scope) => {
      const result = await scope.trx.rawQuery('select agency_id, invoice_id from billing_stripe_reconcile_targets(?)', [days])
      return (result.rows as { agency_id: string; invoice_id: string }[]).filter((row) => !payload?.agencyId || row.agency_id === payload.agencyId)
    })
    const failures: string[] = []
    for (const target of targets) {
      try {
        await withTenant(target.agency_id, () => new ReconcileStripeInvoice().handle(target.invoice_id))
      } catch (error) {
        failures.push(target.invoice_id)
        this.logger.error({ err: error, invoiceId: target.invoice_id }, 'Stripe reconciliation of an invoice failed')
      }
    }
    if (failures.length > 0) throw new Error(`Stripe reconciliation failed for ${failures.length} of ${targets.length} invoices`)
  }

  async rescue(_payload: ReconcileStripePayload, error: Error) {
    this.logger.error({ err: error }, 'Stripe reconciliation failed after every retry')
  }

  /** Puts the daily run in place (idempotent: BullMQ keeps one repeatable job per name and pattern). */
  static async schedule() {
    await dispatchAfterCommit(ReconcileStripeJob, {}, { repeat: { pattern: RECONCILE_CRON, tz: 'UTC' } })
  }
}
