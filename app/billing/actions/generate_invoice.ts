import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import type Invoice from '#billing/models/invoice'
import { invoiceClientId, planInvoice, type InvoicePlan, type InvoiceRequest } from '#billing/queries/invoice_plan'
import { writeInvoice } from '#billing/actions/write_invoice'

export interface GenerateInvoiceInput extends InvoiceRequest {
  issueDate?: string
  dueDate?: string
  notes?: string | null
  terms?: string | null
}

/**
 * Writes the planned invoice as a draft, numbered at creation, and marks its
 * time, expenses and milestones billed — all in the request's transaction
 * (through `writeInvoice`, shared with the recurring retainer invoices).
 * Generation is serialised per client (a transaction-scoped advisory lock),
 * so two requests for the same time make one invoice; the other finds
 * nothing left to bill (422), or — should it still race — a 409.
 */
export default class GenerateInvoice {
  async handle(input: GenerateInvoiceInput): Promise<{ invoice: Invoice; plan: InvoicePlan }> {
    const trx = tenancy.client()
    // Lock first, then plan: the plan then sees everything a concurrent generation committed.
    await trx.rawQuery('select pg_advisory_xact_lock(hashtext(?))', [`billing:${await invoiceClientId(input)}`])
    const plan = await planInvoice(input)
    if (plan.lines.length === 0) fieldError('to', 'Nothing to invoice for these projects and dates: no unbilled approved time, milestones or expenses', 'empty')

    const agency = await agencySettings(tenancy.agencyId())
    const issueDate = input.issueDate ?? DateTime.now().setZone(agency.timezone).toISODate()!
    const dueDate = input.dueDate ?? DateTime.fromISO(issueDate).plus({ days: agency.paymentTermsDays }).toISODate()!
    if (dueDate < issueDate) fieldError('dueDate', 'The due date cannot be before the issue date', 'after')

    const invoice = await writeInvoice({
      clientId: plan.clientId,
      currency: plan.currency,
      prefix: agency.invoicePrefix,
      issueDate,
      dueDate,
      periodFrom: plan.from,
      periodTo: plan.to,
      groupBy: plan.groupBy,
      lines: plan.lines,
      taxRateBasisPoints: plan.taxRateBasisPoints,
      projectIds: plan.projects.map((project) => project.id),
      timeEntryIds: plan.timeEntryIds,
      expenseIds: plan.expenseIds,
      notes: input.notes,
      terms: input.terms,
    })
    return { invoice, plan }
  }
}
