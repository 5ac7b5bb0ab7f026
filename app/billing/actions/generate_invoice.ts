import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { recordClientEvent } from '#crm/public/timeline'
import { markInvoiced } from '#time/public/time_service'
import Expense from '#billing/models/expense'
import Invoice from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import InvoiceLine from '#billing/models/invoice_line'
import { formatNumber, nextSequenceNumber } from '#billing/actions/numbering'
import { planInvoice, type InvoicePlan, type InvoiceRequest } from '#billing/queries/invoice_plan'
import { invoiceChanged } from '#billing/actions/invoice_changed'

export interface GenerateInvoiceInput extends InvoiceRequest {
  issueDate?: string
  dueDate?: string
  notes?: string | null
  terms?: string | null
}

/**
 * Writes the planned invoice as a draft, numbered at creation, and marks its
 * time, expenses and milestones billed — all in the request's transaction.
 * Generation is serialised per client (a transaction-scoped advisory lock),
 * so two requests for the same time make one invoice; the other finds
 * nothing left to bill (422), or — should it still race — a 409.
 */
export default class GenerateInvoice {
  async handle(input: GenerateInvoiceInput): Promise<{ invoice: Invoice; plan: InvoicePlan }> {
    const trx = tenancy.client()
    const firstPlan = await planInvoice(input)
    await trx.rawQuery('select pg_advisory_xact_lock(hashtext(?))', [`billing:${firstPlan.clientId}`])
    const plan = await planInvoice(input)
    if (plan.lines.length === 0) fieldError('to', 'Nothing to invoice for these projects and dates: no unbilled approved time, milestones or expenses', 'empty')

    const agency = await agencySettings(tenancy.agencyId())
    const issueDate = input.issueDate ?? DateTime.now().setZone(agency.timezone).toISODate()!
    const dueDate = input.dueDate ?? DateTime.fromISO(issueDate).plus({ days: agency.paymentTermsDays }).toISODate()!
    if (dueDate < issueDate) fieldError('dueDate', 'The due date cannot be before the issue date', 'after')

    const sequenceNumber = await nextSequenceNumber('invoice')
    const invoice = await Invoice.create({
      clientId: plan.clientId,
      number: formatNumber(agency.invoicePrefix, sequenceNumber),
      sequenceNumber,
      status: 'draft',
      currency: plan.currency,
      issueDate,
      dueDate,
      periodFrom: plan.from,
      periodTo: plan.to,
      groupBy: plan.groupBy,
      subtotalCents: plan.subtotalCents,
      taxRateBasisPoints: plan.taxRateBasisPoints,
      taxCents: plan.taxCents,
      totalCents: plan.totalCents,
      amountPaidCents: 0,
      amountRefundedCents: 0,
      notes: input.notes ?? null,
      terms: input.terms ?? null,
    })
    await InvoiceLine.createMany(
      plan.lines.map((line, position) => ({
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
    await trx.table('invoice_projects').insert(plan.projects.map((project) => ({ agency_id: invoice.agencyId, invoice_id: invoice.id, project_id: project.id })))
    await markInvoiced(plan.timeEntryIds, invoice.id)
    if (plan.expenseIds.length) {
      const updated = await Expense.query().whereIn('id', plan.expenseIds).whereNull('invoiceId').update({ invoiceId: invoice.id })
      if (Number(updated) !== plan.expenseIds.length) throw new ConflictException('Some of these expenses were invoiced meanwhile: refresh and try again')
    }
    await InvoiceActivity.create({ invoiceId: invoice.id, kind: 'created', detail: `${invoice.number} created with ${plan.lines.length} lines` })
    await recordAudit({
      entityType: 'invoice',
      entityId: invoice.id,
      action: 'created',
      after: { number: invoice.number, clientId: invoice.clientId, total: invoice.totalCents, lines: plan.lines.length, timeEntries: plan.timeEntryIds.length },
    })
    await recordClientEvent({ clientId: invoice.clientId, kind: 'invoice_created', body: `Invoice ${invoice.number} drafted`, metadata: { invoiceId: invoice.id } })
    await invoiceChanged(invoice.id)
    return { invoice, plan }
  }
}
