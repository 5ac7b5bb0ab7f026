import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { clientNames } from '#crm/public/clients'
import Invoice from '#billing/models/invoice'
import { toInvoiceDto, type InvoiceDto } from '#billing/dtos/invoice'
import type { InvoiceStatus } from '#billing/rules/invoice_status'

export interface InvoiceFilters {
  status?: InvoiceStatus
  clientId?: string
  overdue?: boolean
  page?: number
  perPage?: number
}

const UNPAID: InvoiceStatus[] = ['sent', 'partially_paid', 'overdue', 'disputed']

/** A page of invoices, newest first, with the outstanding and overdue totals of everything the caller sees. */
export async function listInvoices(filters: InvoiceFilters) {
  const page = filters.page ?? 1
  const perPage = filters.perPage ?? 25
  const query = Invoice.query().orderBy('sequenceNumber', 'desc')
  if (filters.status) query.where('status', filters.status)
  if (filters.clientId) query.where('clientId', filters.clientId)
  if (filters.overdue) query.where('status', 'overdue')
  const result = await query.paginate(page, perPage)
  const names = await clientNames(result.all().map((invoice) => invoice.clientId))
  const agency = await agencySettings(tenancy.agencyId())
  const today = DateTime.now().setZone(agency.timezone).toISODate()!
  const totals = await tenancy
    .client()
    .from('invoices')
    .whereIn('status', UNPAID)
    .select(tenancy.client().raw('coalesce(sum(total_cents - amount_paid_cents), 0)::bigint as outstanding'))
    .select(tenancy.client().raw('coalesce(sum(total_cents - amount_paid_cents) filter (where due_date < ?), 0)::bigint as overdue', [today]))
    .first()
  const invoices: InvoiceDto[] = result.all().map((invoice) => toInvoiceDto(invoice, { clientName: names.get(invoice.clientId) ?? '' }))
  return {
    invoices,
    total: result.total,
    page,
    perPage,
    outstanding: Number(totals?.outstanding ?? 0),
    overdue: Number(totals?.overdue ?? 0),
    currency: agency.currency,
  }
}
