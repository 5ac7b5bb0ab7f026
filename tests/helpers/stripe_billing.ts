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

/**
 * `count` sent invoices for the property test, fast: one made the real way
 * (sentInvoices), then copied row for row by the schema owner — same client,
 * amounts, dates and line, the next numbers of the agency's sequence — so
 * thousands cost one statement instead of thousands of generations.
 */
export async function copiedInvoices(name: string, count: number) {
  const { team, invoices } = await sentInvoices(name, 1)
  const [model] = invoices
  const copies = await db.connection('owner').transaction(async (trx) => {
    const result = await trx.rawQuery(
      `with source as (select * from invoices where id = ?),
       copies as (
         insert into invoices (id, agency_id, client_id, number, sequence_number, status, currency, issue_date, due_date,
           period_from, period_to, group_by, subtotal_cents, tax_rate_basis_points, tax_cents, total_cents,
           amount_paid_cents, amount_refunded_cents, sent_at, created_by_user_id)
         select gen_random_uuid(), s.agency_id, s.client_id, 'INV-' || lpad((s.sequence_number + g)::text, 5, '0'), s.sequence_number + g,
           s.status, s.currency, s.issue_date, s.due_date, s.period_from, s.period_to, s.group_by, s.subtotal_cents,
           s.tax_rate_basis_points, s.tax_cents, s.total_cents, 0, 0, s.sent_at, s.created_by_user_id
         from source s, generate_series(1, ?) g
         returning id, agency_id, client_id, number, total_cents)
       select * from copies`,
      [model.id, count - 1]
    )
    await trx.rawQuery(
      `insert into invoice_lines (agency_id, invoice_id, position, kind, description, project_id, quantity_seconds, quantity_milli, unit_amount_cents, amount_cents)
       select l.agency_id, c.id, l.position, l.kind, l.description, l.project_id, l.quantity_seconds, l.quantity_milli, l.unit_amount_cents, l.amount_cents
       from invoice_lines l, invoices c where l.invoice_id = ? and c.agency_id = l.agency_id and c.id <> l.invoice_id`,
      [model.id]
    )
    await trx.from('billing_sequences').where({ agency_id: team.agencyId, kind: 'invoice' }).increment('last_number', count - 1)
    return result.rows as Array<{ id: string; agency_id: string; client_id: string; number: string; total_cents: string }>
  })
  const all: SentInvoice[] = [
    model,
    ...copies.map((row) => ({ id: row.id, agencyId: row.agency_id, clientId: row.client_id, number: row.number, totalCents: Number(row.total_cents) })),
  ]
  return { team, invoices: all }
}
