import type { ProjectInvoice } from '#projects/public/project_invoices'
import Invoice from '#billing/models/invoice'
import { STATUS_LABELS } from '#billing/queries/client_invoices'

/** The invoices that bill a project (through `invoice_projects`), newest first, as RLS lets the caller see them. */
export async function projectInvoices(projectId: string): Promise<ProjectInvoice[]> {
  const invoices = await Invoice.query()
    .whereIn('id', (query) => query.from('invoice_projects').select('invoice_id').where('project_id', projectId))
    .orderBy('sequenceNumber', 'desc')
  return invoices.map((invoice) => {
    const total = Number(invoice.totalCents)
    return {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      statusLabel: STATUS_LABELS[invoice.status] ?? invoice.status,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      total,
      amountDue: invoice.status === 'void' ? 0 : Math.max(0, total - Number(invoice.amountPaidCents)),
    }
  })
}
