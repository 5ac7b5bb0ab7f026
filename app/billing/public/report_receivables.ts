/**
 * Money still owed on sent invoices, for Reports, as plain data read under
 * the caller's RLS. An invoice is receivable when it was sent, is not void
 * (nor a draft), and its total is not yet paid: `due` = total − payments
 * (refunds give money back on paid invoices; they do not make it owed
 * again). It is overdue when the agency's today is after its due date.
 */
import { tenancy } from '#core/public/tenancy'

export interface ReceivableInvoice {
  invoiceId: string
  number: string
  clientId: string
  currency: string
  issueDate: string
  dueDate: string
  totalCents: number
  paidCents: number
  dueCents: number
}

/** Oldest due date first; `projectIds` narrows to invoices that name or link one of these projects. */
export async function receivableInvoices(filter: { projectIds?: string[] } = {}): Promise<ReceivableInvoice[]> {
  if (filter.projectIds && filter.projectIds.length === 0) return []
  const client = tenancy.client()
  const query = client
    .from('invoices')
    .select('id', 'number', 'client_id', 'currency', 'total_cents', 'amount_paid_cents')
    .select(client.raw(`to_char(issue_date, 'YYYY-MM-DD') as issue_date`))
    .select(client.raw(`to_char(due_date, 'YYYY-MM-DD') as due_date`))
    .whereNotNull('sent_at')
    .whereNull('voided_at')
    .whereNotIn('status', ['draft', 'void'])
    .whereRaw('total_cents > amount_paid_cents')
    .orderBy('due_date')
    .orderBy('number')
  if (filter.projectIds) {
    const ids = filter.projectIds
    query.whereIn(
      'id',
      client
        .from('invoice_projects')
        .select('invoice_id')
        .whereIn('project_id', ids)
        .union((union) => union.from('invoice_lines').select('invoice_id').whereIn('project_id', ids))
    )
  }
  const rows = await query
  return rows.map((row: any) => ({
    invoiceId: row.id,
    number: row.number,
    clientId: row.client_id,
    currency: row.currency,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    totalCents: Number(row.total_cents),
    paidCents: Number(row.amount_paid_cents),
    dueCents: Number(row.total_cents) - Number(row.amount_paid_cents),
  }))
}
