import type Stripe from 'stripe'
import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { tenancy } from '#core/public/tenancy'
import { recordClientEvent } from '#crm/public/timeline'
import Invoice from '#billing/models/invoice'
import Payment, { type LedgerKind } from '#billing/models/payment'
import RefreshInvoiceStatus from '#billing/actions/refresh_invoice_status'
import { retrieveOrNull, stripeId } from '#billing/stripe/event_target'

type DisputeStatus = 'open' | 'won' | 'lost'

interface StripeFact {
  kind: LedgerKind
  stripeObjectId: string
  amountCents: number
  currency: string
  /** Unix seconds, as Stripe gives it: the same fact always has the same time, whatever the order it is read in. */
  created: number
  disputeStatus: DisputeStatus | null
  reference: string | null
}

export interface LedgerChange {
  stripeObjectId: string
  kind: LedgerKind
  before: { amountCents: number; disputeStatus: DisputeStatus | null } | null
  after: { amountCents: number; disputeStatus: DisputeStatus | null }
}

/** Stripe's dispute statuses, as the ledger knows them: money held, returned to us, or gone. */
export function disputeStatusOf(status: Stripe.Dispute.Status | string): DisputeStatus {
  if (status === 'won' || status === 'warning_closed' || status === 'prevented') return 'won'
  if (status === 'lost') return 'lost'
  return 'open'
}

const ACTIVITY: Record<string, (fact: StripeFact) => { kind: string; detail: string }> = {
  payment: (f) => ({ kind: 'stripe_payment', detail: `${f.amountCents} ${f.currency} paid through Stripe (${f.stripeObjectId})` }),
  refund: (f) => ({ kind: 'stripe_refund', detail: `${f.amountCents} ${f.currency} refunded through Stripe (${f.stripeObjectId})` }),
  dispute: (f) => ({ kind: `dispute_${f.disputeStatus}`, detail: `Dispute ${f.stripeObjectId} of ${f.amountCents} ${f.currency}: ${f.disputeStatus}` }),
}

/**
 * Writes an invoice's Stripe ledger rows to what Stripe says now — one row
 * per Stripe object (payment intent, refund, dispute), created or updated,
 * never duplicated — whatever event (or the reconciliation) asked for it.
 * Events are hints: their order, duplicates and delay do not matter, because
 * every fact is re-read from Stripe. The caller holds the invoice row lock,
 * so reads and writes for one invoice happen in turn (a later read is never
 * overwritten by an earlier one).
 */
export default class SyncStripeLedger {
  readonly changes: LedgerChange[] = []

  constructor(
    private stripe: Stripe,
    private invoice: Invoice
  ) {}

  /** Locks the invoice row for the rest of the transaction. */
  static async lockInvoice(invoiceId: string) {
    return Invoice.query().where('id', invoiceId).forUpdate().first()
  }

  /** The payment intent's received amount, once it has succeeded. */
  async paymentIntent(intentId: string) {
    const intent = await retrieveOrNull(() => this.stripe.paymentIntents.retrieve(intentId))
    if (!intent || !this.isOurs(intent.metadata)) return null
    if (intent.status === 'succeeded' && intent.amount_received > 0) {
      await this.write({
        kind: 'payment',
        stripeObjectId: intent.id,
        amountCents: intent.amount_received,
        currency: intent.currency,
        created: intent.created,
        disputeStatus: null,
        reference: stripeId(intent.latest_charge),
      })
    }
    return intent
  }

  /** Every succeeded refund of a charge or of a payment intent (pending ones wait for their own event). */
  async refunds(filter: { charge: string } | { payment_intent: string }) {
    for await (const refund of this.stripe.refunds.list({ ...filter, limit: 100 })) {
      if (refund.status !== 'succeeded' || refund.amount <= 0) continue
      await this.write({
        kind: 'refund',
        stripeObjectId: refund.id,
        amountCents: refund.amount,
        currency: refund.currency,
        created: refund.created,
        disputeStatus: null,
        reference: stripeId(refund.charge),
      })
    }
  }

  async dispute(disputeId: string) {
    const dispute = await retrieveOrNull(() => this.stripe.disputes.retrieve(disputeId))
    if (dispute) await this.writeDispute(dispute)
  }

  async disputesOf(intentId: string) {
    for await (const dispute of this.stripe.disputes.list({ payment_intent: intentId, limit: 100 })) await this.writeDispute(dispute)
  }

  /** Everything Stripe knows about one payment intent: the payment, its refunds, its disputes. */
  async everythingOf(intentId: string) {
    const intent = await this.paymentIntent(intentId)
    if (!intent) return
    await this.refunds({ payment_intent: intentId })
    await this.disputesOf(intentId)
  }

  /**
   * Re-derives the invoice's status from its ledger; puts "invoice paid" on
   * the client's timeline when it has just become paid.
   */
  async refresh() {
    const { invoice, before } = await new RefreshInvoiceStatus().handle(this.invoice.id)
    if (invoice.status === 'paid' && before !== 'paid') {
      await recordClientEvent({
        clientId: invoice.clientId,
        kind: 'invoice_paid',
        body: `Invoice ${invoice.number} paid`,
        metadata: { invoiceId: invoice.id },
      })
    }
    return { invoice, before }
  }

  private isOurs(metadata: Stripe.Metadata | null | undefined) {
    const named = metadata?.invoice_id
    return !named || named.toLowerCase() === this.invoice.id
  }

  private async writeDispute(dispute: Stripe.Dispute) {
    if (dispute.amount <= 0) return
    await this.write({
      kind: 'dispute',
      stripeObjectId: dispute.id,
      amountCents: dispute.amount,
      currency: dispute.currency,
      created: dispute.created,
      disputeStatus: disputeStatusOf(dispute.status),
      reference: stripeId(dispute.charge),
    })
  }

  private async write(fact: StripeFact) {
    const currency = fact.currency.toUpperCase()
    const existing = await Payment.query().where('stripeObjectId', fact.stripeObjectId).first()
    const after = { amountCents: fact.amountCents, disputeStatus: fact.disputeStatus }
    let before: LedgerChange['before'] = null
    if (!existing) {
      await Payment.create({
        invoiceId: this.invoice.id,
        kind: fact.kind,
        disputeStatus: fact.disputeStatus,
        amountCents: fact.amountCents,
        currency,
        occurredAt: DateTime.fromSeconds(fact.created, { zone: 'utc' }),
        method: 'stripe',
        reference: fact.reference,
        stripeObjectId: fact.stripeObjectId,
      })
    } else {
      before = { amountCents: Number(existing.amountCents), disputeStatus: existing.disputeStatus }
      if (before.amountCents === after.amountCents && before.disputeStatus === after.disputeStatus) return
      existing.merge({ amountCents: fact.amountCents, disputeStatus: fact.disputeStatus, currency })
      await existing.save()
    }
    this.changes.push({ stripeObjectId: fact.stripeObjectId, kind: fact.kind, before, after })

    const activity = ACTIVITY[fact.kind]({ ...fact, currency })
    // One activity per fact and state, however many times it is (re)written.
    await tenancy
      .client()
      .rawQuery(
        `insert into invoice_activities (agency_id, invoice_id, kind, detail, dedupe_key) values (?, ?, ?, ?, ?)
         on conflict (invoice_id, dedupe_key) where dedupe_key is not null do nothing`,
        [this.invoice.agencyId, this.invoice.id, activity.kind, activity.detail, `stripe:${fact.stripeObjectId}:${fact.amountCents}:${fact.disputeStatus ?? ''}`]
      )
    await recordAudit({
      entityType: 'invoice',
      entityId: this.invoice.id,
      action: before ? `stripe_${fact.kind}_updated` : `stripe_${fact.kind}_recorded`,
      before: before ? { stripeObjectId: fact.stripeObjectId, ...before } : null,
      after: { stripeObjectId: fact.stripeObjectId, kind: fact.kind, currency, ...after },
    })
  }
}
