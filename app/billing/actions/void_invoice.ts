import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { recordClientEvent } from '#crm/public/timeline'
import { releaseInvoice } from '#time/public/time_service'
import Expense from '#billing/models/expense'
import Invoice from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import RefreshInvoiceStatus from '#billing/actions/refresh_invoice_status'
import { invoiceChanged } from '#billing/actions/invoice_changed'
import { allows } from '#billing/rules/invoice_status'

/**
 * Voids an unpaid invoice. It keeps its number (the sequence has no gaps);
 * its time, expenses and milestones become billable again.
 */
export default class VoidInvoice {
  async handle(invoiceId: string, reason: string) {
    const invoice = await Invoice.query().where('id', invoiceId).forUpdate().firstOrFail()
    if (invoice.status === 'void') throw new ConflictException(`${invoice.number} is already void`)
    if (!allows('void', invoice.status)) {
      throw new ConflictException(`${invoice.number} is ${invoice.status.replace('_', ' ')}: only unpaid invoices can be voided (issue a credit note instead)`)
    }
    const before = invoice.status
    invoice.merge({ voidedAt: DateTime.now(), voidReason: reason })
    await invoice.save()
    await releaseInvoice(invoice.id)
    await Expense.query().where('invoiceId', invoice.id).update({ invoiceId: null })
    await new RefreshInvoiceStatus().handle(invoice.id)
    await InvoiceActivity.create({ invoiceId: invoice.id, kind: 'voided', detail: reason })
    await recordAudit({ entityType: 'invoice', entityId: invoice.id, action: 'voided', before: { status: before }, after: { status: 'void', reason } })
    await recordClientEvent({ clientId: invoice.clientId, kind: 'invoice_voided', body: `Invoice ${invoice.number} voided`, metadata: { invoiceId: invoice.id } })
    await invoiceChanged(invoice.id)
    return invoice.refresh()
  }
}
