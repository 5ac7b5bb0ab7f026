import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { recordClientEvent } from '#crm/public/timeline'
import { markInvoiced } from '#time/public/time_service'
import Expense from '#billing/models/expense'
import Invoice, { type LineGrouping } from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import InvoiceLine from '#billing/models/invoice_line'
import { formatNumber, nextSequenceNumber } from '#billing/actions/numbering'
import { invoiceChanged } from '#billing/actions/invoice_changed'
import type { PlannedLine } from '#billing/queries/invoice_plan'
import { sum, taxAmount } from '#billing/rules/money'

export interface InvoiceDraft {
  clientId: string
  currency: string
  /** The agency's invoice prefix (INV-). */
  prefix: string
  issueDate: string
  dueDate: string
  periodFrom: string | null
  periodTo: string | null
  groupBy: LineGrouping
  lines: PlannedLine[]
  taxRateBasisPoints: number
  projectIds: string[]
  /** Billed by this invoice: marked invoiced in the same transaction (a conflict is a 409). */
  timeEntryIds: string[]
  expenseIds: string[]
  notes?: string | null
  terms?: string | null
  /** Extra facts for the audit entry. */
  audit?: Record<string, unknown>
}

/**
 * Writes a draft invoice with its lines in the caller's transaction: the
 * next gap-free number, totals re-added from the lines (tax rounded once),
 * its projects, the time and expenses it bills marked invoiced, an activity,
 * the audit entry, the client's timeline and the "invoice changed" listeners.
 * Shared by GenerateInvoice (from a plan) and the recurring retainer invoices.
 */
export async function writeInvoice(draft: InvoiceDraft): Promise<Invoice> {
  const subtotalCents = sum(draft.lines.map((line) => line.amountCents))
  const taxCents = taxAmount(subtotalCents, draft.taxRateBasisPoints)
  const sequenceNumber = await nextSequenceNumber('invoice')
  const invoice = await Invoice.create({
    clientId: draft.clientId,
    number: formatNumber(draft.prefix, sequenceNumber),
    sequenceNumber,
    status: 'draft',
    currency: draft.currency,
    issueDate: draft.issueDate,
    dueDate: draft.dueDate,
    periodFrom: draft.periodFrom,
    periodTo: draft.periodTo,
    groupBy: draft.groupBy,
    subtotalCents,
    taxRateBasisPoints: draft.taxRateBasisPoints,
    taxCents,
    totalCents: subtotalCents + taxCents,
    amountPaidCents: 0,
    amountRefundedCents: 0,
    notes: draft.notes ?? null,
    terms: draft.terms ?? null,
  })
  await InvoiceLine.createMany(
    draft.lines.map((line, position) => ({
      invoiceId: invoice.id,
      position,
      kind: line.kind,
      description: line.description,
      projectId: line.projectId,
      quantitySeconds: line.quantitySeconds,
      quantityMilli: line.quantityMilli,
      unitAmountCents: line.unitAmountCents,
      amountCents: line.amountCents,
      milestoneId: line.milestoneId ?? null,
      expenseId: line.expenseId ?? null,
    }))
  )
  if (draft.projectIds.length) {
    await tenancy
      .client()
      .table('invoice_projects')
      .insert(draft.projectIds.map((projectId) => ({ agency_id: invoice.agencyId, invoice_id: invoice.id, project_id: projectId })))
  }
  await markInvoiced(draft.timeEntryIds, invoice.id)
  if (draft.expenseIds.length) {
    const updated = await Expense.query().whereIn('id', draft.expenseIds).whereNull('invoiceId').update({ invoiceId: invoice.id })
    if (Number(updated) !== draft.expenseIds.length) throw new ConflictException('Some of these expenses were invoiced meanwhile: refresh and try again')
  }
  await InvoiceActivity.create({ invoiceId: invoice.id, kind: 'created', detail: `${invoice.number} created with ${draft.lines.length} lines` })
  await recordAudit({
    entityType: 'invoice',
    entityId: invoice.id,
    action: 'created',
    after: {
      number: invoice.number,
      clientId: invoice.clientId,
      total: invoice.totalCents,
      lines: draft.lines.length,
      timeEntries: draft.timeEntryIds.length,
      ...draft.audit,
    },
  })
  await recordClientEvent({ clientId: invoice.clientId, kind: 'invoice_created', body: `Invoice ${invoice.number} drafted`, metadata: { invoiceId: invoice.id } })
  await invoiceChanged(invoice.id)
  return invoice
}
