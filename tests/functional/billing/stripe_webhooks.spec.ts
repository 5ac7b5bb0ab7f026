import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { withTenant } from '#core/public/tenancy'
import { ensureCheckoutSession } from '#billing/stripe/checkout'
import { resetStripeClient } from '#billing/stripe/stripe_client'
import { drained, intentFor, invoiceState, postStripeEvent, sentInvoices, stripeStub } from '#tests/helpers/stripe_billing'

const owner = () => db.connection('owner')
const storedEvents = (agencyId: string) => owner().from('stripe_events').where('agency_id', agencyId).orderBy('received_at')
const appliedAudits = (eventId: string) => owner().from('audit_logs').where({ entity_type: 'stripe_event', entity_id: eventId, action: 'applied' })

test.group('Stripe webhooks: the endpoint', () => {
  test('a paid Checkout session, signed and posted: stored once, applied by the worker — paid, one ledger row, activity, audit, timeline', async ({ assert }) => {
    const { invoices } = await sentInvoices('Hook paid', 1)
    const [invoice] = invoices
    // The real Checkout path: the app asks the stub (through the SDK) for a session.
    const url = await withTenant(invoice.agencyId, () => ensureCheckoutSession(invoice.id))
    assert.match(url!, /^http:\/\/127\.0\.0\.1:\d+\/pay\/cs_test_/)
    const { stripe_checkout_session_id: sessionId } = await owner().from('invoices').where('id', invoice.id).firstOrFail()
    const session = stripeStub.sessions.get(sessionId)!
    assert.deepEqual(stripeStub.intents.get(session.payment_intent)!.metadata, { invoice_id: invoice.id, agency_id: invoice.agencyId })
    stripeStub.succeed(session.payment_intent)

    const event = stripeStub.event('checkout.session.completed', { ...session, status: 'complete', payment_status: 'paid' })
    const started = Date.now()
    const answer = await postStripeEvent(event)
    assert.equal(answer.status, 200)
    assert.deepEqual(answer.body, { processed: true })
    assert.isBelow(Date.now() - started, 2000)
    await drained([invoice.agencyId])

    const state = await invoiceState(invoice.id)
    assert.equal(state.status, 'paid')
    assert.equal(state.paid, invoice.totalCents)
    assert.deepEqual(
      state.ledger.map((row) => [row.kind, row.object, row.amount, row.currency]),
      [['payment', session.payment_intent, invoice.totalCents, 'USD']]
    )
    const [stored] = await storedEvents(invoice.agencyId)
    assert.equal(stored.id, event.id)
    assert.equal(stored.invoice_id, invoice.id)
    assert.isNotNull(stored.processed_at)
    const activities = await owner().from('invoice_activities').where('invoice_id', invoice.id).where('kind', 'stripe_payment')
    assert.lengthOf(activities, 1)
    const audits = await owner().from('audit_logs').where({ entity_type: 'invoice', entity_id: invoice.id, action: 'stripe_payment_recorded' })
    assert.lengthOf(audits, 1)
    assert.equal(audits[0].actor_type, 'system')
    assert.lengthOf(await appliedAudits(event.id), 1)
    const timeline = await owner().from('client_activities').where({ client_id: invoice.clientId, kind: 'invoice_paid' })
    assert.lengthOf(timeline, 1)
    const client = await owner().from('clients').where('id', invoice.clientId).firstOrFail()
    assert.equal(Number(client.lifetime_revenue_cents), invoice.totalCents)
  })

  test('missing, tampered, wrongly keyed and stale signatures: 400 and nothing stored', async ({ assert }) => {
    const { invoices } = await sentInvoices('Hook forged', 1)
    const intent = intentFor(invoices[0])
    stripeStub.succeed(intent.id)
    const event = stripeStub.event('payment_intent.succeeded', stripeStub.intents.get(intent.id)!)

    const answers = [
      await postStripeEvent(event, { signature: null }),
      await postStripeEvent(event, { signature: 't=1,v1=deadbeef' }),
      await postStripeEvent(event, { tamper: (payload) => payload.replace(`"amount_received": ${invoices[0].totalCents}`, '"amount_received": 1') }),
      await postStripeEvent(event, { secret: 'whsec_someone_else' }),
      // Signed correctly, but 10 minutes ago: past the 5-minute tolerance (a replay).
      await postStripeEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
    ]
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [400, 400, 400, 400, 400]
    )
    assert.match(answers[4].body.errors[0].message, /tolerance|timestamp/i)
    assert.lengthOf(await storedEvents(invoices[0].agencyId), 0)
    assert.lengthOf(await owner().from('stripe_events').where('id', event.id), 0)
    assert.equal((await invoiceState(invoices[0].id)).status, 'sent')

    // The same bytes, signed now, are accepted.
    assert.equal((await postStripeEvent(event)).status, 200)
    await drained([invoices[0].agencyId])
    assert.equal((await invoiceState(invoices[0].id)).status, 'paid')
  })

  test('the same event posted twice, and five times at once: one row, applied once', async ({ assert }) => {
    const { invoices } = await sentInvoices('Hook twice', 2)
    const events = invoices.map((invoice) => {
      const intent = intentFor(invoice)
      stripeStub.succeed(intent.id)
      return stripeStub.event('payment_intent.succeeded', stripeStub.intents.get(intent.id)!)
    })
    assert.equal((await postStripeEvent(events[0])).status, 200)
    await drained([invoices[0].agencyId])
    assert.deepEqual((await postStripeEvent(events[0])).body, { processed: true })
    const together = await Promise.all(Array.from({ length: 5 }, () => postStripeEvent(events[1])))
    assert.deepEqual(
      together.map((answer) => answer.status),
      [200, 200, 200, 200, 200]
    )
    await drained([invoices[0].agencyId])

    for (const [index, event] of events.entries()) {
      assert.lengthOf(await owner().from('stripe_events').where('id', event.id), 1)
      assert.lengthOf(await appliedAudits(event.id), 1, `event ${index} applied once`)
      const state = await invoiceState(invoices[index].id)
      assert.equal(state.status, 'paid')
      assert.lengthOf(state.ledger, 1)
      assert.lengthOf(await owner().from('invoice_activities').where({ invoice_id: invoices[index].id, kind: 'stripe_payment' }), 1)
    }
  })

  test('events that name no invoice of ours: 200 { processed: true }, nothing stored', async ({ assert }) => {
    const { invoices, team } = await sentInvoices('Hook foreign', 1)
    const other = await sentInvoices('Hook other agency', 1)
    const strangers = [
      // No metadata at all (another integration on the same Stripe account).
      stripeStub.createIntent({ amount: 500 }),
      // An invoice id that is not one of ours.
      stripeStub.createIntent({ amount: 500, metadata: { invoice_id: randomUUID(), agency_id: team.agencyId } }),
      // Another agency's invoice, claimed for this agency.
      stripeStub.createIntent({ amount: 500, metadata: { invoice_id: other.invoices[0].id, agency_id: team.agencyId } }),
      // Not UUIDs.
      stripeStub.createIntent({ amount: 500, metadata: { invoice_id: "1' or '1'='1", agency_id: 'x' } }),
    ]
    for (const intent of strangers) {
      stripeStub.succeed(intent.id)
      const answer = await postStripeEvent(stripeStub.event('payment_intent.succeeded', stripeStub.intents.get(intent.id)!))
      assert.equal(answer.status, 200)
      assert.deepEqual(answer.body, { processed: true })
    }
    // A dispute whose payment intent Stripe does not know.
    const ghost = stripeStub.event('charge.dispute.created', { id: 'dp_ghost', object: 'dispute', payment_intent: 'pi_missing', charge: 'ch_missing', amount: 100 })
    assert.deepEqual((await postStripeEvent(ghost)).body, { processed: true })
    // An event about nothing (account-level).
    assert.deepEqual((await postStripeEvent(stripeStub.event('account.updated', { id: 'acct_1', object: 'account' }))).body, { processed: true })

    assert.lengthOf(await storedEvents(team.agencyId), 0)
    assert.lengthOf(await storedEvents(other.team.agencyId), 0)
    assert.equal((await invoiceState(invoices[0].id)).status, 'sent')
    assert.equal((await invoiceState(other.invoices[0].id)).status, 'sent')
  })

  test('an event type without an effect that names our invoice is stored and marked processed, changing nothing', async ({ assert }) => {
    const { invoices } = await sentInvoices('Hook unknown', 1)
    const intent = intentFor(invoices[0])
    stripeStub.succeed(intent.id)
    // payment_intent.created carries the metadata but has no effect (the truth is read on succeeded).
    const event = stripeStub.event('payment_intent.created', stripeStub.intents.get(intent.id)!)
    assert.deepEqual((await postStripeEvent(event)).body, { processed: true })
    const [stored] = await storedEvents(invoices[0].agencyId)
    assert.equal(stored.type, 'payment_intent.created')
    assert.isNotNull(stored.processed_at)
    const state = await invoiceState(invoices[0].id)
    assert.equal(state.status, 'sent')
    assert.lengthOf(state.ledger, 0)
  })

  test('a failed payment adds an activity and no ledger row', async ({ assert }) => {
    const { invoices } = await sentInvoices('Hook failed', 1)
    const intent = intentFor(invoices[0])
    stripeStub.fail(intent.id, 'Your card has insufficient funds.')
    const event = stripeStub.event('payment_intent.payment_failed', stripeStub.intents.get(intent.id)!)
    await postStripeEvent(event)
    await postStripeEvent(event)
    await drained([invoices[0].agencyId])
    const state = await invoiceState(invoices[0].id)
    assert.equal(state.status, 'sent')
    assert.lengthOf(state.ledger, 0)
    const activities = await owner().from('invoice_activities').where({ invoice_id: invoices[0].id, kind: 'payment_failed' })
    assert.lengthOf(activities, 1)
    assert.include(activities[0].detail, 'insufficient funds')
  })

  test('refunds: a partial then a full refund; the later event first ends the same; pending refunds wait', async ({ assert }) => {
    const { invoices } = await sentInvoices('Hook refunds', 1)
    const [invoice] = invoices
    const intent = intentFor(invoice)
    const charge = stripeStub.succeed(intent.id)
    const paid = stripeStub.event('payment_intent.succeeded', stripeStub.intents.get(intent.id)!)
    const first = stripeStub.refund(charge.id, 1000)
    const afterFirst = stripeStub.event('charge.refunded', stripeStub.charges.get(charge.id)!)
    const pending = stripeStub.refund(charge.id, invoice.totalCents - 1000, 'pending')
    const whilePending = stripeStub.event('charge.refund.updated', stripeStub.refunds.get(pending.id)!)

    // Weeks-late order: the refund events before the payment.
    await postStripeEvent(afterFirst)
    await postStripeEvent(whilePending)
    await drained([invoice.agencyId])
    let state = await invoiceState(invoice.id)
    assert.deepEqual(
      state.ledger.map((row) => [row.kind, row.object, row.amount]),
      [['refund', first.id, 1000]]
    )
    await postStripeEvent(paid)
    await drained([invoice.agencyId])
    state = await invoiceState(invoice.id)
    assert.equal(state.status, 'partially_refunded')
    assert.equal(state.refunded, 1000)

    stripeStub.setRefundStatus(pending.id, 'succeeded')
    await postStripeEvent(stripeStub.event('charge.refunded', stripeStub.charges.get(charge.id)!))
    await postStripeEvent(afterFirst)
    await drained([invoice.agencyId])
    state = await invoiceState(invoice.id)
    assert.equal(state.status, 'refunded')
    assert.equal(state.paid, invoice.totalCents)
    assert.equal(state.refunded, invoice.totalCents)
    assert.lengthOf(state.ledger, 3)
    const client = await owner().from('clients').where('id', invoice.clientId).firstOrFail()
    assert.equal(Number(client.lifetime_revenue_cents), 0)
  })

  test('disputes: open → disputed, won → paid again; another lost → refunded; an old "created" event after the close changes nothing', async ({ assert }) => {
    const { invoices } = await sentInvoices('Hook disputes', 2)
    const [won, lost] = invoices.map((invoice) => {
      const intent = intentFor(invoice)
      const charge = stripeStub.succeed(intent.id)
      return { invoice, intent, charge, paid: stripeStub.event('payment_intent.succeeded', stripeStub.intents.get(intent.id)!) }
    })
    for (const each of [won, lost]) await postStripeEvent(each.paid)

    const disputeWon = stripeStub.dispute(won.charge.id)
    const createdWon = stripeStub.event('charge.dispute.created', disputeWon)
    await postStripeEvent(createdWon)
    await drained([won.invoice.agencyId])
    assert.equal((await invoiceState(won.invoice.id)).status, 'disputed')
    stripeStub.setDisputeStatus(disputeWon.id, 'under_review')
    await postStripeEvent(stripeStub.event('charge.dispute.updated', stripeStub.disputes.get(disputeWon.id)!))
    stripeStub.setDisputeStatus(disputeWon.id, 'won')
    await postStripeEvent(stripeStub.event('charge.dispute.closed', stripeStub.disputes.get(disputeWon.id)!))
    await drained([won.invoice.agencyId])
    let state = await invoiceState(won.invoice.id)
    assert.equal(state.status, 'paid')
    assert.deepEqual(
      state.ledger.filter((row) => row.kind === 'dispute').map((row) => row.dispute),
      ['won']
    )

    const disputeLost = stripeStub.dispute(lost.charge.id)
    const createdLost = stripeStub.event('charge.dispute.created', disputeLost)
    stripeStub.setDisputeStatus(disputeLost.id, 'lost')
    // The close arrives first, the creation weeks later: still lost.
    await postStripeEvent(stripeStub.event('charge.dispute.closed', stripeStub.disputes.get(disputeLost.id)!))
    await drained([lost.invoice.agencyId])
    await postStripeEvent(createdLost)
    await drained([lost.invoice.agencyId])
    state = await invoiceState(lost.invoice.id)
    assert.equal(state.status, 'refunded')
    assert.equal(state.refunded, lost.invoice.totalCents)
    const kinds = await owner().from('invoice_activities').where('invoice_id', lost.invoice.id).whereLike('kind', 'dispute_%').select('kind')
    assert.deepEqual(
      kinds.map((row) => row.kind),
      ['dispute_lost']
    )
  })

  test('Stripe unreachable while finding a charge’s invoice: 503 (Stripe retries), nothing stored', async ({ assert, cleanup }) => {
    const { invoices } = await sentInvoices('Hook down', 1)
    const intent = intentFor(invoices[0])
    const charge = stripeStub.succeed(intent.id)
    stripeStub.refund(charge.id, 100)
    const event = stripeStub.event('charge.refunded', stripeStub.charges.get(charge.id)!)
    stripeStub.failWith = 500
    cleanup(() => {
      stripeStub.failWith = null
    })
    const answer = await postStripeEvent(event)
    assert.equal(answer.status, 503)
    assert.lengthOf(await storedEvents(invoices[0].agencyId), 0)
    stripeStub.failWith = null
    assert.equal((await postStripeEvent(event)).status, 200)
  }).timeout(20_000)

  test('without Stripe configured the endpoint is not there (404)', async ({ assert, cleanup }) => {
    const saved = process.env.STRIPE_WEBHOOK_SECRET
    cleanup(() => {
      process.env.STRIPE_WEBHOOK_SECRET = saved
      resetStripeClient()
    })
    delete process.env.STRIPE_WEBHOOK_SECRET
    const answer = await postStripeEvent(stripeStub.event('payment_intent.succeeded', { id: 'pi_x', object: 'payment_intent' }), { secret: 'whsec_x' })
    assert.equal(answer.status, 404)
  })
})
