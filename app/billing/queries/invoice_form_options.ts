import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { activeClientOptions, clientNames } from '#crm/public/clients'
import { billingProjects } from '#projects/public/billing_targets'

export interface BuilderProjectDto {
  id: string
  clientId: string
  name: string
  status: string
  billingType: string
  currency: string
}

export interface InvoiceBuilderOptions {
  clients: Array<{ value: string; label: string }>
  projects: BuilderProjectDto[]
  currency: string
  /** Agency defaults, for the form's first values. */
  taxRate: number
  paymentTermsDays: number
  today: string
  defaultFrom: string
  defaultDueDate: string
}

/**
 * The invoice builder's choices: clients that have projects the caller bills
 * (RLS narrows a manager to the clients of the projects they manage) with
 * those projects, and the agency's defaults — the range starts on the first
 * day of last month and ends today; the due date follows the payment terms.
 */
export async function invoiceBuilderOptions(): Promise<InvoiceBuilderOptions> {
  const agency = await agencySettings(tenancy.agencyId())
  const projects = await billingProjects({})
  const clientIds = new Set(projects.map((project) => project.clientId))
  const clients = (await activeClientOptions()).filter((client) => clientIds.has(client.id))
  const today = DateTime.now().setZone(agency.timezone)
  return {
    clients: clients.map((client) => ({ value: client.id, label: client.companyName })),
    projects: projects.map((project) => ({
      id: project.projectId,
      clientId: project.clientId,
      name: project.name,
      status: project.status,
      billingType: project.billingType,
      currency: project.currency,
    })),
    currency: agency.currency,
    taxRate: agency.taxRate,
    paymentTermsDays: agency.paymentTermsDays,
    today: today.toISODate()!,
    defaultFrom: today.minus({ months: 1 }).startOf('month').toISODate()!,
    defaultDueDate: today.plus({ days: agency.paymentTermsDays }).toISODate()!,
  }
}

/** The list's client filter: the clients that have invoices the caller sees, by name. */
export async function invoicedClientOptions(): Promise<Array<{ value: string; label: string }>> {
  const rows = await tenancy.client().from('invoices').distinct('client_id')
  const names = await clientNames(rows.map((row: { client_id: string }) => row.client_id))
  return [...names]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label))
}
