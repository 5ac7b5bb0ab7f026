import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { setLifetimeRevenue } from '#crm/public/clients'
import Invoice from '#billing/models/invoice'
import Payment from '#billing/models/payment'
import { deriveStatus, ledgerTotals } from '#billing/rules/invoice_status'

/**
 * Re-derives an invoice's status and paid/refunded amounts from its ledger,
 * and the client's lifetime revenue from all its invoices. Called after
 * every ledger write, by the overdue sweep, and by the Stripe reconciliation.
 * Locks the invoice row so concurrent ledger writes derive in turn.
 */
export default class RefreshInvoiceStatus {
  async handle(invoiceId: string) {
    const invoice = await Invoice.query().where('id', invoiceId).forUpdate().firstOrFail()
    const ledger = await Payment.query().where('invoiceId', invoiceId)
    const agency = await agencySettings(tenancy.agencyId())
    const rows = ledger.map((row) => ({ kind: row.kind, amountCents: Number(row.amountCents), disputeStatus: row.disputeStatus }))
    const totals = ledgerTotals(rows)
    const before = invoice.status
    invoice.merge({
      status: deriveStatus({
        totalCents: Number(invoice.totalCents),
        sent: invoice.sentAt !== null,
        voided: invoice.voidedAt !== null,
        dueDate: invoice.dueDate,
        today: DateTime.now().setZone(agency.timezone).toISODate()!,
        ledger: rows,
      }),
      amountPaidCents: totals.paidCents,
      amountRefundedCents: totals.refundedCents + totals.lostCents,
    })
    if (invoice.$isDirty) await invoice.save()
    await this.refreshLifetimeRevenue(invoice.clientId)
    return { invoice, before }
  }

  /** Σ paid − refunded − lost disputes over the client's invoices that are not void. */
  private async refreshLifetimeRevenue(clientId: string) {
    // Concurrent refreshes of one client's invoices take turns (the key invoice generation uses),
    // so each sums what the previous one committed and the last write is the true total.
    await tenancy.client().rawQuery('select pg_advisory_xact_lock(hashtext(?))', [`billing:${clientId}`])
    const row = await tenancy
      .client()
      .from('invoices')
      .where('client_id', clientId)
      .whereNot('status', 'void')
      .select(tenancy.client().raw('coalesce(sum(amount_paid_cents - amount_refunded_cents), 0)::bigint as revenue'))
      .first()
    await setLifetimeRevenue(clientId, Number(row?.revenue ?? 0))
  }
}
