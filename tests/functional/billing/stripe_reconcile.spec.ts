import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Queue } from 'bullmq'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy, withTenant } from '#core/public/tenancy'
import { ensureCheckoutSession } from '#billing/stripe/checkout'
import ReconcileStripeJob, { RECONCILE_CRON } from '#billing/jobs/reconcile_stripe_job'
import { intentFor, invoiceState, postStripeEvent, sentInvoices, stripeStub } from '#tests/helpers/stripe_billing'

const owner = () => db.connection('owner')

function redisQueue() {
  return new Queue('default', { connection: app.config.get<any>('queue').defaultConnection })
}

/** Queues the reconciliation for one agency and waits until the separately started worker has run it. */
async function reconcileByWorker(queue: Queue, agencyId: string) {
  const since = Date.now()
  await dispatchAfterCommit(ReconcileStripeJob, { agencyId })
  const until = Date.now() + 20_000
  while (Date.now() < until) {
    const jobs = await queue.getJobs(['completed', 'failed'])
    const done = jobs.find((job) => job?.name === ReconcileStripeJob.jobName && job.data?.agencyId === agencyId && job.timestamp >= since)
    if (done?.failedReason) throw new Error(`The reconciliation failed in the worker: ${done.failedReason}`)
    if (done) return done
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('The worker did not finish the reconciliation within 20 s')
}

/** An invoice paid through its real Checkout session (created by the app through the stub), with no webhook ever received. */
async function paidWithoutWebhooks(name: string) {
  const { invoices, team } = await sentInvoices(name, 2)
  const [invoice, untouched] = invoices
  await withTenant(invoice.agencyId, () => ensureCheckoutSession(invoice.id))
  const { stripe_checkout_session_id: sessionId } = await owner().from('invoices').where('id', invoice.id).firstOrFail()
  const intentId = stripeStub.sessions.get(sessionId)!.payment_intent as string
  const charge = stripeStub.succeed(intentId)
  return { team, invoice, untouched, intentId, charge }
}

test.group('Stripe reconciliation', () => {
  test('lost webhooks: the daily job re-reads Stripe (session → payment, refunds, disputes) and repairs the ledger; a second run changes nothing', async ({ assert, cleanup }) => {
    const queue = redisQueue()
    cleanup(() => queue.close())
    const { invoice, untouched, intentId, charge } = await paidWithoutWebhooks('Reconcile lost')
    assert.equal((await invoiceState(invoice.id)).status, 'sent')

    await reconcileByWorker(queue, invoice.agencyId)
    let state = await invoiceState(invoice.id)
    assert.equal(state.status, 'paid')
    assert.deepEqual(
      state.ledger.map((row) => [row.kind, row.object, row.amount]),
      [['payment', intentId, invoice.totalCents]]
    )
    const timeline = await owner().from('client_activities').where({ client_id: invoice.clientId, kind: 'invoice_paid' })
    assert.lengthOf(timeline, 1)

    // Later, on Stripe only: a partial refund, a pending one, and a dispute that was lost.
    const refund = stripeStub.refund(charge.id, 700)
    stripeStub.refund(charge.id, 300, 'pending')
    const dispute = stripeStub.dispute(charge.id, 'lost', 1000)
    await reconcileByWorker(queue, invoice.agencyId)
    state = await invoiceState(invoice.id)
    assert.equal(state.status, 'partially_refunded')
    assert.equal(state.refunded, 1700)
    assert.sameDeepMembers(
      state.ledger.map((row) => [row.kind, row.object, row.amount, row.dispute]),
      [
        ['payment', intentId, invoice.totalCents, null],
        ['refund', refund.id, 700, null],
        ['dispute', dispute.id, 1000, 'lost'],
      ]
    )
    const audits = () => owner().from('audit_logs').where({ entity_type: 'invoice', entity_id: invoice.id, action: 'stripe_reconciled' })
    assert.lengthOf(await audits(), 2)

    // Nothing new on Stripe: nothing changes, nothing is recorded.
    const activities = await owner().from('invoice_activities').where('invoice_id', invoice.id).count('* as n').first()
    await reconcileByWorker(queue, invoice.agencyId)
    assert.deepEqual(await invoiceState(invoice.id), state)
    assert.lengthOf(await audits(), 2)
    assert.equal((await owner().from('invoice_activities').where('invoice_id', invoice.id).count('* as n').first())!.n, activities!.n)
    // The invoice without a session or Stripe rows was not touched.
    assert.equal((await invoiceState(untouched.id)).status, 'sent')
  }).timeout(60_000)

  test('an event stored but never applied (its job lost) is applied by the reconciliation, once', async ({ assert, cleanup }) => {
    const queue = redisQueue()
    cleanup(() => queue.close())
    const { invoices } = await sentInvoices('Reconcile pending', 1)
    const [invoice] = invoices
    const intent = intentFor(invoice)
    stripeStub.succeed(intent.id)
    const event = stripeStub.event('payment_intent.succeeded', stripeStub.intents.get(intent.id)!)
    // As the webhook stores it, but with no job queued.
    await owner()
      .table('stripe_events')
      .insert({ id: event.id, agency_id: invoice.agencyId, invoice_id: invoice.id, type: event.type, payload: JSON.stringify(event) })

    await reconcileByWorker(queue, invoice.agencyId)
    const stored = await owner().from('stripe_events').where('id', event.id).firstOrFail()
    assert.isNotNull(stored.processed_at)
    assert.equal((await invoiceState(invoice.id)).status, 'paid')
    // The same event, posted late by Stripe: stored already, applied already.
    assert.deepEqual((await postStripeEvent(event)).body, { processed: true })
    await reconcileByWorker(queue, invoice.agencyId)
    const applied = await owner().from('audit_logs').where({ entity_type: 'stripe_event', entity_id: event.id, action: 'applied' })
    assert.lengthOf(applied, 1)
    assert.lengthOf((await invoiceState(invoice.id)).ledger, 1)
  }).timeout(60_000)

  test('the targets function is the only cross-tenant read: ids of invoices with Stripe activity, callable without a tenant', async ({ assert }) => {
    const first = await paidWithoutWebhooks('Reconcile targets A')
    const second = await paidWithoutWebhooks('Reconcile targets B')
    const targets = await tenancy.run(async (scope) => {
      const result = await scope.trx.rawQuery('select agency_id, invoice_id from billing_stripe_reconcile_targets(30)')
      return result.rows as Array<{ agency_id: string; invoice_id: string }>
    })
    assert.deepInclude(targets, { agency_id: first.team.agencyId, invoice_id: first.invoice.id })
    assert.deepInclude(targets, { agency_id: second.team.agencyId, invoice_id: second.invoice.id })
    assert.notDeepInclude(targets, { agency_id: first.team.agencyId, invoice_id: first.untouched.id })
    // Without a tenant the app role still sees no invoice rows itself.
    const visible = await tenancy.run((scope) => scope.trx.from('invoices').whereIn('id', [first.invoice.id, second.invoice.id]))
    assert.lengthOf(visible, 0)
  })

  test('the worker puts the daily run in place when it starts, once', async ({ assert, cleanup }) => {
    const queue = redisQueue()
    cleanup(() => queue.close())
    // The worker ran billing's registerSchedule when it started…
    const atStart = (await queue.getRepeatableJobs()).filter((repeat) => repeat.name === ReconcileStripeJob.jobName)
    assert.lengthOf(atStart, 1)
    // …and scheduling again changes nothing.
    await ReconcileStripeJob.schedule()
    await ReconcileStripeJob.schedule()
    const schedules = (await queue.getRepeatableJobs()).filter((repeat) => repeat.name === ReconcileStripeJob.jobName)
    assert.lengthOf(schedules, 1)
    assert.equal(schedules[0].pattern, RECONCILE_CRON)
  })
})
