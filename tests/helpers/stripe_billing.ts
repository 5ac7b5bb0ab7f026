import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { tenancy, withTenant } from '#core/public/tenancy'
import GenerateInvoice from '#billing/actions/generate_invoice'
import RefreshInvoiceStatus from '#billing/actions/refresh_invoice_status'
import { approveTime, logTime, timeTeam } from '#tests/helpers/time'
import { stripeStub, postStripeEvent } from '#tests/helpers/stripe_stub'

export interface SentInvoice {
  id: string
  agencyId: string
  clientId: string
  number: string
  totalCents: number
}

const owner = () => db.connection('owner')

/**
 * `count` sent invoices of one new agency, each made the real way: an hour or
 * so of the member's time on its own past day (LogTime), approved, invoiced
 * by GenerateInvoice as the owner, then marked sent (sent_at, re-derived by
 * RefreshInvoiceStatus — the send action is another module's work).
 */
export async function sentInvoices(name: string, count: number, options: { firstDayAgo?: number } = {}) {
  const team = await timeTeam(name)
  const invoices: SentInvoice[] = []
  const firstDayAgo = options.firstDayAgo ?? 2
  for (let i = 0; i < count; i++) {
    const day = DateTime.utc()
      .minus({ days: firstDayAgo + i })
      .toISODate()!
    const entryId = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: day, seconds: 1800 + (i % 9) * 600 })
    await approveTime([entryId])
    const invoice = await tenancy.run(
      async () => (await new GenerateInvoice().handle({ projectId: team.projectId, from: day, to: day, groupBy: 'member' })).invoice,
      { agencyId: team.agencyId, userId: team.owner.userId, role: 'owner' }
    )
    invoices.push({ id: invoice.id, agencyId: team.agencyId, clientId: invoice.clientId, number: invoice.number, totalCents: Number(invoice.totalCents) })
  }
  await owner()
    .from('invoices')
    .whereIn(
      'id',
      invoices.map((invoice) => invoice.id)
    )
    .update({ sent_at: new Date() })
  await withTenant(team.agencyId, async () => {
    for (const invoice of invoices) await new RefreshInvoiceStatus().handle(invoice.id)
  })
  return { team, invoices }
}

/** A payment intent in the stub for what is due on the invoice, with the metadata Checkout gives it. */
export function intentFor(invoice: SentInvoice, amount = invoice.totalCents) {
  return stripeStub.createIntent({ amount, currency: 'usd', metadata: { invoice_id: invoice.id, agency_id: invoice.agencyId } })
}

/** What the app now holds for an invoice: its derived status and amounts, and its Stripe ledger rows. */
export async function invoiceState(invoiceId: string) {
  const invoice = await owner().from('invoices').where('id', invoiceId).select('status', 'amount_paid_cents', 'amount_refunded_cents').firstOrFail()
  const ledger = await owner()
    .from('payments')
    .where('invoice_id', invoiceId)
    .orderBy('stripe_object_id')
    .select('kind', 'stripe_object_id', 'amount_cents', 'dispute_status', 'currency', 'occurred_at')
  return {
    status: invoice.status as string,
    paid: Number(invoice.amount_paid_cents),
    refunded: Number(invoice.amount_refunded_cents),
    ledger: ledger.map((row) => ({
      kind: row.kind,
      object: row.stripe_object_id,
      amount: Number(row.amount_cents),
      dispute: row.dispute_status,
      currency: row.currency,
      at: new Date(row.occurred_at).toISOString(),
    })),
  }
}

/**
 * Waits until every stored event of these agencies is processed by the
 * worker (the webhook queues the job after its own commit, so a job may
 * still be on its way to Redis when the answer arrives).
 */
export async function drained(agencyIds: string[], timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const row = await owner().from('stripe_events').whereIn('agency_id', agencyIds).whereNull('processed_at').count('* as pending').first()
    if (Number(row?.pending ?? 0) === 0) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('Stripe events still unprocessed: is the worker running with the stub env?')
}

export { stripeStub, postStripeEvent }
