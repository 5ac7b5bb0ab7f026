import { DateTime } from 'luxon'
import User from '#core/models/user'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { recordClientEvent } from '#crm/public/timeline'
import Project from '#projects/models/project'
import TimeEntry from '#time/models/time_entry'
import GenerateInvoice from '#billing/actions/generate_invoice'
import IssueCreditNote from '#billing/actions/issue_credit_note'
import RecordPayment from '#billing/actions/record_payment'
import RefreshInvoiceStatus from '#billing/actions/refresh_invoice_status'
import SendInvoice from '#billing/actions/send_invoice'
import VoidInvoice from '#billing/actions/void_invoice'
import { ApproveExpense, SubmitExpense } from '#billing/actions/expenses'
import Expense from '#billing/models/expense'
import Invoice from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import Payment from '#billing/models/payment'

/** A fake Stripe id, the same on every run and machine (`pi_demo_0003`). */
const fakeStripeId = (prefix: string, n: number) => `${prefix}_demo_${String(n).padStart(4, '0')}`

/**
 * Splits the days with approved time into `count` runs of consecutive days
 * (oldest first), as even as the days allow.
 */
function slices(days: string[], count: number) {
  const out: Array<{ from: string; to: string }> = []
  for (let i = 0; i < count; i++) {
    const part = days.slice(Math.floor((i * days.length) / count), Math.floor(((i + 1) * days.length) / count))
    if (part.length) out.push({ from: part[0], to: part[part.length - 1] })
  }
  return out
}

/**
 * Invoices of the demo agency in every state, made by the real actions from
 * the storefront's approved time (README, Billing): void (and re-issued),
 * paid by bank transfer with a credit note, overdue, refunded, partially
 * refunded, disputed and paid through Stripe (ledger rows with fake Stripe
 * ids, as the webhook would write them, then RefreshInvoiceStatus),
 * partially paid, sent and a draft that carries a completed milestone and an
 * expense with markup. Expenses: submitted, approved, invoiced.
 *
 * Sending queues the email (and PDF) after commit: with no SMTP_HOST the
 * worker of `npm run dev` puts it in the development mailbox, so seeding
 * needs no mail server. No Stripe key is needed either (no pay link).
 * Written as the agency's owner. Idempotent: an agency that already has
 * invoices or expenses is left as it is.
 */
export async function seedDemoBilling() {
  if ((await Invoice.query().first()) || (await Expense.query().first())) return

  const agencyId = tenancy.agencyId()
  const people = new Map((await User.query()).map((user) => [user.email, user]))
  const owner = [...people.values()].find((user) => user.role === 'owner')
  const storefront = await Project.findBy('name', 'Storefront redesign')
  const retainer = await Project.findBy('name', 'Storefront care retainer')
  const tom = people.get('tom@brightwave.demo')
  const aiko = people.get('aiko@brightwave.demo')
  if (!owner || !storefront || !tom || !aiko) return
  await tenancy.enter({ agencyId, userId: owner.id, role: 'owner' })
  const staff = (user: User) => ({ id: user.id, agencyId, role: user.role })

  const zone = (await agencySettings(agencyId)).timezone
  const today = DateTime.now().setZone(zone).startOf('day')
  const iso = (date: DateTime) => date.toISODate()!
  const plus = (date: string, days: number) => iso(DateTime.fromISO(date, { zone }).plus({ days }))
  const notAfterToday = (date: string) => (date > iso(today) ? iso(today) : date)
  /** That day at `hour` in the agency's zone, never later than now. */
  const at = (date: string, hour = 10) => DateTime.min(DateTime.fromISO(date, { zone }).set({ hour }), DateTime.now())

  // Expenses first: the draft below bills the approved billable one (with its markup).
  const photos = await new SubmitExpense().handle(staff(aiko), {
    projectId: storefront.id,
    date: iso(today.minus({ days: 3 })),
    amount: 48_000,
    category: 'Stock photography',
    description: 'Licences for the category hero images',
    billable: true,
    markupPercent: 15,
  })
  await new ApproveExpense().handle(staff(owner), photos)
  const lunch = await new SubmitExpense().handle(staff(tom), {
    projectId: storefront.id,
    date: iso(today.minus({ days: 8 })),
    amount: 8_650,
    category: 'Meals',
    description: 'Team lunch at the client workshop',
    billable: false,
  })
  await new ApproveExpense().handle(staff(owner), lunch)
  await new SubmitExpense().handle(staff(tom), {
    projectId: storefront.id,
    date: iso(today.minus({ days: 1 })),
    amount: 32_900,
    category: 'Test devices',
    description: 'Refurbished Android phone for checkout QA',
    billable: true,
    markupPercent: 10,
  })
  if (retainer && retainer.status !== 'completed') {
    await new SubmitExpense().handle(staff(owner), {
      projectId: retainer.id,
      date: iso(today.minus({ days: 6 })),
      amount: 19_900,
      category: 'Hosting',
      description: 'CDN plan, yearly renewal',
      billable: true,
    })
  }

  // The storefront's approved days, in nine runs: one per invoice below, oldest first.
  const approvedDays = (
    await TimeEntry.query().where('projectId', storefront.id).where('status', 'approved').where('billable', true).whereNull('invoiceId').distinct('entryDate').orderBy('entryDate')
  ).map((entry) => String(entry.entryDate))
  const runs = slices(approvedDays, 9)
  if (runs.length < 9) return

  const generate = async (run: { from: string; to: string }, issueDate: string, dueDate: string, groupBy: 'member' | 'task' | 'day' | 'project' = 'member') => {
    const issue = notAfterToday(issueDate)
    const { invoice } = await new GenerateInvoice().handle({ projectId: storefront.id, from: run.from, to: run.to, groupBy, issueDate: issue, dueDate: dueDate < issue ? issue : dueDate })
    return invoice
  }
  const send = (invoice: Invoice) => new SendInvoice().handle(invoice.id)

  let stripeSeq = 0
  /** Ledger rows as the Stripe webhook writes them (keyed by Stripe's object id), then the status re-derived. */
  const stripeRows = async (invoice: Invoice, rows: Array<{ kind: 'payment' | 'refund' | 'dispute'; amountCents: number; on: string }>) => {
    const charge = fakeStripeId('ch', ++stripeSeq)
    for (const row of rows) {
      const prefix = row.kind === 'payment' ? 'pi' : row.kind === 'refund' ? 're' : 'dp'
      const payment = await Payment.create({
        invoiceId: invoice.id,
        kind: row.kind,
        disputeStatus: row.kind === 'dispute' ? 'open' : null,
        amountCents: row.amountCents,
        currency: invoice.currency,
        occurredAt: at(row.on, 14),
        method: 'stripe',
        reference: charge,
        stripeObjectId: fakeStripeId(prefix, stripeSeq),
        recordedByUserId: null,
      })
      const kind = row.kind === 'payment' ? 'stripe_payment' : row.kind === 'refund' ? 'stripe_refund' : 'dispute_open'
      await InvoiceActivity.create({
        invoiceId: invoice.id,
        kind,
        detail:
          row.kind === 'dispute'
            ? `Dispute ${payment.stripeObjectId} of ${row.amountCents} ${invoice.currency}: open`
            : `${row.amountCents} ${invoice.currency} ${row.kind === 'payment' ? 'paid' : 'refunded'} through Stripe (${payment.stripeObjectId})`,
      })
      const { invoice: refreshed, before } = await new RefreshInvoiceStatus().handle(invoice.id)
      if (refreshed.status === 'paid' && before !== 'paid') {
        await recordClientEvent({ clientId: invoice.clientId, kind: 'invoice_paid', body: `Invoice ${invoice.number} paid`, metadata: { invoiceId: invoice.id } })
      }
    }
    return Invoice.findOrFail(invoice.id)
  }

  const [first, second, third, fourth, fifth, sixth, seventh, eighth, ninth] = runs
  const after = (run: { to: string }, days = 1) => plus(run.to, days)

  // 1. Sent to the wrong entity, voided (its time is billable again), re-issued and paid by bank transfer; a credit note for a late delivery.
  const wrong = await generate(first, after(first), plus(after(first), 14))
  await send(wrong)
  await new VoidInvoice().handle(wrong.id, 'Addressed to the wrong Northwind entity: re-issued')
  const reissued = await generate(first, after(first, 2), plus(after(first, 2), 14), 'task')
  await send(reissued)
  await new RecordPayment().handle(reissued.id, {
    amountCents: Number(reissued.totalCents),
    paidOn: notAfterToday(plus(reissued.issueDate, 9)),
    method: 'bank_transfer',
    reference: `NW-REMIT-${reissued.number}`,
  })
  await new IssueCreditNote().handle(reissued.id, { amountCents: Math.round(Number(reissued.totalCents) * 0.1), reason: 'Goodwill: 10 % off for the late delivery of the sitemap' })

  // 2. Overdue: sent, the due date passed, nothing paid.
  const overdueOn = plus(after(second), 14) < iso(today.minus({ days: 2 })) ? plus(after(second), 14) : iso(today.minus({ days: 2 }))
  const overdue = await generate(second, after(second), overdueOn)
  await send(overdue)

  // 3. Paid through Stripe, then refunded in full.
  const refunded = await generate(third, after(third), plus(after(third), 14))
  await send(refunded)
  await stripeRows(refunded, [
    { kind: 'payment', amountCents: Number(refunded.totalCents), on: plus(refunded.issueDate, 3) },
    { kind: 'refund', amountCents: Number(refunded.totalCents), on: plus(refunded.issueDate, 6) },
  ])

  // 4. Paid through Stripe, part of it refunded.
  const partlyRefunded = await generate(fourth, after(fourth), plus(after(fourth), 14), 'day')
  await send(partlyRefunded)
  await stripeRows(partlyRefunded, [
    { kind: 'payment', amountCents: Number(partlyRefunded.totalCents), on: plus(partlyRefunded.issueDate, 2) },
    { kind: 'refund', amountCents: 25_000, on: plus(partlyRefunded.issueDate, 5) },
  ])

  // 5. Paid through Stripe, then the card holder disputed the charge (open).
  const disputed = await generate(fifth, after(fifth), plus(after(fifth), 14))
  await send(disputed)
  await stripeRows(disputed, [
    { kind: 'payment', amountCents: Number(disputed.totalCents), on: plus(disputed.issueDate, 1) },
    { kind: 'dispute', amountCents: Number(disputed.totalCents), on: plus(disputed.issueDate, 4) },
  ])

  // 6. Paid through Stripe Checkout.
  const paid = await generate(sixth, after(sixth), plus(after(sixth), 14))
  await send(paid)
  await stripeRows(paid, [{ kind: 'payment', amountCents: Number(paid.totalCents), on: plus(paid.issueDate, 2) }])

  // 7. Partially paid by bank transfer, due later.
  const future = (run: { to: string }) => {
    const due = plus(after(run), 14)
    return due > iso(today.plus({ days: 7 })) ? due : iso(today.plus({ days: 7 }))
  }
  const partlyPaid = await generate(seventh, after(seventh), future(seventh))
  await send(partlyPaid)
  await new RecordPayment().handle(partlyPaid.id, {
    amountCents: Math.floor(Number(partlyPaid.totalCents) / 2),
    paidOn: notAfterToday(plus(partlyPaid.issueDate, 2)),
    method: 'bank_transfer',
    reference: 'First instalment',
  })

  // 8. Sent, not due yet.
  const sent = await generate(eighth, after(eighth), future(eighth))
  await send(sent)

  // 9. A draft: the last approved days, the completed design milestone and the photography licences (+15 %).
  await generate({ from: ninth.from, to: iso(today) }, iso(today), iso(today.plus({ days: 14 })), 'task')
}
