import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import fc from 'fast-check'
import { APPLIED_EVENT_TYPES } from '#billing/stripe/event_target'
import { deriveStatus } from '#billing/rules/invoice_status'
import { disputeStatusOf } from '#billing/actions/sync_stripe_ledger'
import { copiedInvoices, drained, intentFor, invoiceState, postStripeEvent, stripeStub, type SentInvoice } from '#tests/helpers/stripe_billing'

/*
| Property: whatever the order, duplication or delay of Stripe's events, an
| invoice ends in the same state as when the same history's events arrive in
| order — and in Stripe's truth; no event is applied twice.
|
| Each random history is a story on Stripe's side, told in steps: maybe a
| declined attempt, the payment (payment_intent.succeeded and
| checkout.session.completed), up to two partial refunds, maybe a dispute
| (created, maybe updated, maybe closed won or lost), maybe a refund of the
| rest, and noise (an event type with no effect). Two invoices of the same
| amount live each history: the twin gets every event right after its step,
| each processed before the next is sent; the other gets them shuffled, some
| twice, some only weeks later (after everything else), posted concurrently
| while the story still unfolds. Everything goes signed to the real endpoint
| and through the real queue (the separately started worker).
*/

const HISTORIES = Number(process.env.STRIPE_PROPERTY_HISTORIES ?? 1000)
const SEED = Number(process.env.STRIPE_PROPERTY_SEED ?? Date.now() % 2 ** 31)

interface History {
  noise: boolean
  failFirst: boolean
  /** How the payment is heard of: the payment intent, the Checkout session, or both. */
  paidVia: 'intent' | 'session' | 'both'
  /** Percentages of the total, refunded one after the other. */
  partialRefunds: number[]
  dispute: null | { updated: boolean; outcome: 'open' | 'won' | 'lost' }
  refundRest: boolean
  /** Per event (by index, wrapping): extra deliveries, delay in rounds, arrives weeks late. */
  deliveries: Array<{ copies: number; delay: number; late: boolean }>
}

const maybe = (percent: number) => fc.integer({ min: 1, max: 100 }).map((n) => n <= percent)

const historyArb = fc.record({
  noise: maybe(10),
  failFirst: maybe(15),
  paidVia: fc.constantFrom<History['paidVia']>('intent', 'intent', 'session', 'session', 'both'),
  partialRefunds: fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 2, arbitrary: fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 45 }), { minLength: 2, maxLength: 2 }) }
  ),
  dispute: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc.record({ updated: maybe(25), outcome: fc.constantFrom<'open' | 'won' | 'lost'>('won', 'won', 'lost', 'lost', 'open') }),
    }
  ),
  refundRest: maybe(35),
  deliveries: fc.array(
    fc.record({
      copies: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }),
      delay: fc.integer({ min: 0, max: 4 }),
      late: maybe(15),
    }),
    { minLength: 12, maxLength: 12 }
  ),
})

type Step = () => Array<{ type: string; object: Record<string, any> }>

/** The history as steps on one invoice's Stripe truth; each step changes the stub and returns the events it emits. */
function storyFor(history: History, invoice: SentInvoice): Step[] {
  const intent = intentFor(invoice)
  let chargeId = ''
  let disputeId = ''
  const steps: Step[] = []
  const pi = () => stripeStub.intents.get(intent.id)!
  if (history.noise) steps.push(() => [{ type: 'payment_intent.created', object: pi() }])
  if (history.failFirst) steps.push(() => [{ type: 'payment_intent.payment_failed', object: stripeStub.fail(intent.id) }])
  steps.push(() => {
    chargeId = stripeStub.succeed(intent.id).id
    const events = []
    if (history.paidVia !== 'session') events.push({ type: 'payment_intent.succeeded', object: pi() })
    if (history.paidVia !== 'intent') events.push({ type: 'checkout.session.completed', object: stripeStub.sessionFor(intent.id) })
    return events
  })
  let refunded = 0
  for (const percent of history.partialRefunds) {
    const amount = Math.max(1, Math.floor((invoice.totalCents * percent) / 100))
    refunded += amount
    steps.push(() => {
      stripeStub.refund(chargeId, amount)
      return [{ type: 'charge.refunded', object: stripeStub.charges.get(chargeId)! }]
    })
  }
  const dispute = history.dispute
  if (dispute) {
    steps.push(() => {
      const created = stripeStub.dispute(chargeId, 'needs_response')
      disputeId = created.id
      return [{ type: 'charge.dispute.created', object: created }]
    })
    if (dispute.updated) steps.push(() => [{ type: 'charge.dispute.updated', object: stripeStub.setDisputeStatus(disputeId, 'under_review') }])
    if (dispute.outcome !== 'open') steps.push(() => [{ type: 'charge.dispute.closed', object: stripeStub.setDisputeStatus(disputeId, dispute.outcome) }])
  }
  if (history.refundRest && refunded < invoice.totalCents) {
    steps.push(() => {
      stripeStub.refund(chargeId, invoice.totalCents - refunded)
      return [{ type: 'charge.refunded', object: stripeStub.charges.get(chargeId)! }]
    })
  }
  return steps
}

const AGENCY_PAIRS = Math.min(8, Math.max(1, Math.ceil(HISTORIES / 100)))
/** Histories of agency pair `pair`. */
const share = (pair: number) => Math.floor(HISTORIES / AGENCY_PAIRS) + (pair < HISTORIES % AGENCY_PAIRS ? 1 : 0)

/** Maps `items` through `work`, `width` at a time, in order. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index])
      }
    })
  )
  return results
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++])
    })
  )
}

async function post(event: object) {
  const answer = await postStripeEvent(event)
  if (answer.status !== 200) throw new Error(`Webhook answered ${answer.status}: ${JSON.stringify(answer.body)}`)
}

/** The ledger as a comparable multiset (object ids differ between the two invoices of a history). */
const shape = (state: Awaited<ReturnType<typeof invoiceState>>) => ({
  status: state.status,
  paid: state.paid,
  refunded: state.refunded,
  ledger: state.ledger.map((row) => `${row.kind}:${row.amount}:${row.dispute ?? ''}:${row.currency}`).sort(),
})

/** What Stripe's truth for the invoice's payment intent says, through the same status rules. */
function truthShape(intentIds: string[], totalCents: number, dueDate: string) {
  const rows: Array<{ kind: 'payment' | 'refund' | 'dispute'; amountCents: number; disputeStatus: 'open' | 'won' | 'lost' | null }> = []
  for (const id of intentIds) {
    const intent = stripeStub.intents.get(id)!
    if (intent.status === 'succeeded') rows.push({ kind: 'payment', amountCents: intent.amount_received, disputeStatus: null })
    for (const refund of stripeStub.refunds.values()) {
      if (refund.payment_intent === id && refund.status === 'succeeded') rows.push({ kind: 'refund', amountCents: refund.amount, disputeStatus: null })
    }
    for (const dispute of stripeStub.disputes.values()) {
      if (dispute.payment_intent === id) rows.push({ kind: 'dispute', amountCents: dispute.amount, disputeStatus: disputeStatusOf(dispute.status) })
    }
  }
  return {
    status: deriveStatus({ totalCents, sent: true, voided: false, dueDate, today: new Date().toISOString().slice(0, 10), ledger: rows }),
    ledger: rows.map((row) => `${row.kind}:${row.amountCents}:${row.disputeStatus ?? ''}:USD`).sort(),
  }
}

test.group('Stripe webhooks: property', () => {
  test('{$self}', async ({ assert }) => {
    const started = Date.now()
    const histories = fc.sample(historyArb, { numRuns: HISTORIES, seed: SEED }) as History[]
    console.log(`[stripe property] ${HISTORIES} histories, seed ${SEED} (STRIPE_PROPERTY_SEED=${SEED} replays them)`)

    // Two invoices of the same amount per history: agencies hearing the shuffled events and agencies hearing them
    // in order, several of each (each agency's invoices share a client, whose revenue every job re-adds under a row lock).
    const made = await inParallel(Array.from({ length: AGENCY_PAIRS * 2 }, (_, index) => index), 4, (index) =>
      copiedInvoices(`Property ${index % 2 ? 'in order' : 'shuffled'} ${index >> 1}`, share(index >> 1))
    )
    const shuffledInvoices = made.filter((_, index) => index % 2 === 0).flatMap((m) => m.invoices)
    const inOrderInvoices = made.filter((_, index) => index % 2 === 1).flatMap((m) => m.invoices)
    const agencyIds = made.map((m) => m.team.agencyId)
    const inOrderAgencies = agencyIds.filter((_, index) => index % 2 === 1)
    const dueDates = new Map(
      (await db.connection('owner').from('invoices').whereIn('agency_id', agencyIds).select('id', 'due_date')).map((row) => [
        row.id,
        typeof row.due_date === 'string' ? row.due_date : row.due_date.toISOString().slice(0, 10),
      ])
    )
    console.log(`[stripe property] ${HISTORIES * 2} invoices made in ${Date.now() - started} ms`)

    const runs = histories.map((history, index) => {
      const shuffled = shuffledInvoices[index]
      const inOrder = inOrderInvoices[index]
      assert.equal(shuffled.totalCents, inOrder.totalCents)
      return {
        history,
        shuffled,
        inOrder,
        shuffledSteps: storyFor(history, shuffled),
        inOrderSteps: storyFor(history, inOrder),
        /** Shuffled deliveries waiting for their round. */
        pending: [] as Array<{ round: number; event: object }>,
        late: [] as object[],
        /** Every event of both invoices. */
        eventIds: [] as Array<{ id: string; type: string }>,
        delivered: 0,
      }
    })
    const rounds = Math.max(...runs.map((run) => run.shuffledSteps.length))
    const random = fc.sample(fc.integer(), { numRuns: 50_000, seed: SEED + 1 })
    let cursor = 0
    const nextRandom = () => random[cursor++ % random.length]

    let posted = 0
    const timing = { shuffledPost: 0, inOrderPost: 0, inOrderDrain: 0 }
    for (let round = 0; round < rounds + 5; round++) {
      // Stripe's side moves on a step; the twin hears each event in order, each processed before the next.
      const inOrderEvents: object[][] = []
      for (const run of runs) {
        if (round >= run.shuffledSteps.length) continue
        const shuffledEvents = run.shuffledSteps[round]()
        shuffledEvents.forEach(({ type, object }, k) => {
          const event = stripeStub.event(type, object)
          run.eventIds.push({ id: event.id, type })
          const plan = run.history.deliveries[run.delivered++ % run.history.deliveries.length]
          for (let copy = 0; copy <= plan.copies; copy++) {
            const late = plan.late && copy === 0
            if (late) run.late.push({ ...event, created: event.created - 21 * 86400 })
            else run.pending.push({ round: round + ((plan.delay + copy + k) % 5), event })
          }
        })
        run.inOrderSteps[round]().forEach(({ type, object }, k) => {
          const event = stripeStub.event(type, object)
          run.eventIds.push({ id: event.id, type })
          ;(inOrderEvents[k] ??= []).push(event)
        })
      }
      // The shuffled deliveries due this round: any order, concurrently, while the twins are replayed.
      const due = runs.flatMap((run) => {
        const now = run.pending.filter((p) => p.round <= round)
        run.pending = run.pending.filter((p) => p.round > round)
        return now.map((p) => p.event)
      })
      due.sort(() => (nextRandom() % 2 ? 1 : -1))
      const t0 = Date.now()
      const shuffledPosting = pool(due, 8, post).then(() => (timing.shuffledPost += Date.now() - t0))
      for (const batch of inOrderEvents) {
        const t1 = Date.now()
        await pool(batch, 8, post)
        const t2 = Date.now()
        await drained(inOrderAgencies)
        timing.inOrderPost += t2 - t1
        timing.inOrderDrain += Date.now() - t2
        posted += batch.length
      }
      await shuffledPosting
      posted += due.length
    }
    // Weeks-late arrivals: after everything else, in any order.
    const late = runs.flatMap((run) => run.late).sort(() => (nextRandom() % 2 ? 1 : -1))
    await pool(late, 8, post)
    posted += late.length
    await drained(agencyIds, 90_000)
    console.log(`[stripe property] timing ${JSON.stringify(timing)}`)
    console.log(`[stripe property] ${posted} signed posts processed by the worker, ${Date.now() - started} ms so far`)

    // Same state as in order, and as Stripe's truth.
    const failures: string[] = []
    await pool(runs, 8, async (run) => {
      const [shuffled, inOrder] = await Promise.all([invoiceState(run.shuffled.id), invoiceState(run.inOrder.id)])
      const truth = truthShape([...stripeStub.intents.values()].filter((i) => i.metadata.invoice_id === run.shuffled.id).map((i) => i.id), run.shuffled.totalCents, dueDates.get(run.shuffled.id)!)
      const a = shape(shuffled)
      const b = shape(inOrder)
      if (JSON.stringify(a) !== JSON.stringify(b) || a.status !== truth.status || JSON.stringify(a.ledger) !== JSON.stringify(truth.ledger)) {
        failures.push(JSON.stringify({ history: run.history, shuffled: a, inOrder: b, truth }))
      }
    })
    assert.deepEqual(failures.slice(0, 3), [], `${failures.length} of ${HISTORIES} histories diverged (seed ${SEED})`)

    // Every event stored once and applied once, duplicates included.
    const ids = runs.flatMap((run) => run.eventIds)
    const stored = await db.connection('owner').from('stripe_events').whereIn('agency_id', agencyIds).whereNotNull('processed_at').count('* as n').first()
    assert.equal(Number(stored!.n), ids.length)
    const applied = await db
      .connection('owner')
      .from('audit_logs')
      .whereIn('agency_id', agencyIds)
      .where({ entity_type: 'stripe_event', action: 'applied' })
      .groupBy('entity_id')
      .select('entity_id', db.raw('count(*)::int as times'))
    assert.equal(applied.length, ids.filter((event) => APPLIED_EVENT_TYPES.has(event.type)).length)
    assert.deepEqual(
      applied.filter((row) => row.times !== 1),
      []
    )
    console.log(`[stripe property] ${ids.length} distinct events checked, ${Date.now() - started} ms in all`)
  }).timeout(180_000)
})
