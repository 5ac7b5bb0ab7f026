import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { recordClientEvent } from '#crm/public/timeline'
import CreditNote from '#billing/models/credit_note'
import Invoice from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import { formatNumber, nextSequenceNumber } from '#billing/actions/numbering'
import { allows } from '#billing/rules/invoice_status'
import { formatMoney } from '#billing/rules/money_format'

export const CREDIT_NOTE_PREFIX = 'CN-'

export interface CreditNoteInput {
  /** Minor units of the invoice's currency. */
  amountCents: number
  reason: string
}

/**
 * Money owed back on a paid (or partially refunded) invoice, numbered in the
 * agency's own gap-free credit-note sequence (CN-0001). At most what was paid,
 * net of refunds and earlier credit notes. The invoice row is locked, so two
 * credit notes at once cannot both take the same remainder.
 */
export default class IssueCreditNote {
  async handle(invoiceId: string, input: CreditNoteInput) {
    const invoice = await Invoice.query().where('id', invoiceId).forUpdate().firstOrFail()
    if (!allows('creditNote', invoice.status)) {
      throw new ConflictException(`${invoice.number} is ${invoice.status.replace('_', ' ')}: credit notes are issued on paid invoices`)
    }
    const credited = await tenancy
      .client()
      .from('credit_notes')
      .where('invoice_id', invoice.id)
      .select(tenancy.client().raw('coalesce(sum(amount_cents), 0)::bigint as total'))
      .first()
    const available = Number(invoice.amountPaidCents) - Number(invoice.amountRefundedCents) - Number(credited?.total ?? 0)
    if (input.amountCents > available) {
      fieldError(
        'amount',
        available > 0
          ? `At most ${formatMoney(available, invoice.currency)} can be credited (paid, less refunds and earlier credit notes)`
          : 'Nothing is left to credit on this invoice (paid, less refunds and earlier credit notes)',
        'max'
      )
    }

    const agency = await agencySettings(invoice.agencyId)
    const sequenceNumber = await nextSequenceNumber('credit_note')
    const note = await CreditNote.create({
      invoiceId: invoice.id,
      number: formatNumber(CREDIT_NOTE_PREFIX, sequenceNumber),
      sequenceNumber,
      amountCents: input.amountCents,
      currency: invoice.currency,
      reason: input.reason,
      issueDate: DateTime.now().setZone(agency.timezone).toISODate()!,
    })
    const amount = formatMoney(input.amountCents, invoice.currency)
    await InvoiceActivity.create({ invoiceId: invoice.id, kind: 'credit_note', detail: `${note.number} for ${amount}: ${input.reason}`.slice(0, 1000) })
    await recordAudit({
      entityType: 'invoice',
      entityId: invoice.id,
      action: 'credit_note_issued',
      after: { creditNoteId: note.id, number: note.number, amount: input.amountCents, reason: input.reason },
    })
    await recordClientEvent({
      clientId: invoice.clientId,
      kind: 'credit_note_issued',
      body: `Credit note ${note.number} for ${amount} on invoice ${invoice.number}`,
      metadata: { invoiceId: invoice.id, creditNoteId: note.id },
    })
    return note
  }
}
