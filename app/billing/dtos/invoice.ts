import type Invoice from '#billing/models/invoice'
import type InvoiceLine from '#billing/models/invoice_line'
import type { PlannedLine } from '#billing/queries/invoice_plan'

/** Money in minor units of `currency`; hours as seconds. */
export interface InvoiceLineDto {
  id?: string
  kind: string
  description: string
  projectId: string | null
  quantitySeconds: number | null
  quantity: number | null
  unitAmount: number
  amount: number
}

export interface InvoiceDto {
  id: string
  number: string
  clientId: string
  clientName?: string
  status: string
  currency: string
  issueDate: string
  dueDate: string
  periodFrom: string | null
  periodTo: string | null
  groupBy: string
  subtotal: number
  taxRate: number
  tax: number
  total: number
  amountPaid: number
  amountRefunded: number
  amountDue: number
  notes: string | null
  terms: string | null
  sentAt: string | null
  voidedAt: string | null
  voidReason: string | null
  paymentUrl: string | null
  lines?: InvoiceLineDto[]
}

export function toLineDto(line: InvoiceLine | PlannedLine): InvoiceLineDto {
  // A model's columns are accessors (`'id' in line` is false on a fetched row): read the id itself.
  const id = (line as { id?: string }).id
  return {
    ...(id ? { id } : {}),
    kind: line.kind,
    description: line.description,
    projectId: line.projectId,
    quantitySeconds: line.quantitySeconds,
    quantity: line.quantityMilli === null ? null : line.quantityMilli / 1000,
    unitAmount: Number(line.unitAmountCents),
    amount: Number(line.amountCents),
  }
}

export function toInvoiceDto(invoice: Invoice, extra: { clientName?: string; lines?: InvoiceLine[] } = {}): InvoiceDto {
  const total = Number(invoice.totalCents)
  const paid = Number(invoice.amountPaidCents)
  return {
    id: invoice.id,
    number: invoice.number,
    clientId: invoice.clientId,
    ...(extra.clientName !== undefined ? { clientName: extra.clientName } : {}),
    status: invoice.status,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    periodFrom: invoice.periodFrom,
    periodTo: invoice.periodTo,
    groupBy: invoice.groupBy,
    subtotal: Number(invoice.subtotalCents),
    taxRate: invoice.taxRateBasisPoints / 100,
    tax: Number(invoice.taxCents),
    total,
    amountPaid: paid,
    amountRefunded: Number(invoice.amountRefundedCents),
    amountDue: invoice.status === 'void' ? 0 : Math.max(0, total - paid),
    notes: invoice.notes,
    terms: invoice.terms,
    sentAt: invoice.sentAt?.toISO() ?? null,
    voidedAt: invoice.voidedAt?.toISO() ?? null,
    voidReason: invoice.voidReason,
    paymentUrl: invoice.stripeCheckoutUrl,
    ...(extra.lines ? { lines: extra.lines.map(toLineDto) } : {}),
  }
}
