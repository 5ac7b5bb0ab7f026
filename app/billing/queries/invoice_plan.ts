/**
 * What an invoice for these projects and days would hold, computed without
 * writing anything: the preview shows it, and generation writes exactly it.
 * Hourly projects bill their billable, unbilled time (approved, unless the
 * agency does not require approval); completed milestones with an amount
 * bill once; approved billable expenses bill with their markup. Retainers are
 * billed per period by the recurring job.
 */
import { agencySettings } from '#core/public/agency'
import { fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { listStaff } from '#core/public/users'
import { billingRecipient } from '#crm/public/clients'
import { billingProjects, completedMilestones, type BillingProject } from '#projects/public/billing_targets'
import { taskTitles } from '#projects/public/time_targets'
import { unbilledEntries } from '#time/public/time_service'
import type { LineGrouping } from '#billing/models/invoice'
import Expense from '#billing/models/expense'
import InvoiceLine, { type LineKind } from '#billing/models/invoice_line'
import { sum, taxAmount, withMarkup } from '#billing/rules/money'
import { timeLines } from '#billing/rules/time_lines'

export interface InvoiceRequest {
  clientId?: string
  projectId?: string
  projectIds?: string[]
  from: string
  to: string
  groupBy?: LineGrouping
  /** Percent, e.g. 20 or 7.25; the agency default when absent. */
  taxRateBasisPoints?: number
}

export interface PlannedLine {
  kind: LineKind
  projectId: string | null
  description: string
  quantitySeconds: number | null
  quantityMilli: number | null
  unitAmountCents: number
  amountCents: number
  entryIds?: string[]
  milestoneId?: string | null
  expenseId?: string | null
}

export interface InvoicePlan {
  clientId: string
  clientName: string
  projects: Array<{ id: string; name: string }>
  currency: string
  from: string
  to: string
  groupBy: LineGrouping
  lines: PlannedLine[]
  subtotalCents: number
  taxRateBasisPoints: number
  taxCents: number
  totalCents: number
  timeEntryIds: string[]
  expenseIds: string[]
}

async function chosenProjects(request: InvoiceRequest): Promise<BillingProject[]> {
  if (request.projectId) {
    const projects = await billingProjects({ projectIds: [request.projectId] })
    if (projects.length === 0) fieldError('projectId', 'Choose a project you bill', 'exists')
    return projects
  }
  if (!request.clientId) fieldError('clientId', 'Choose a client or a project', 'required')
  const all = await billingProjects({ clientId: request.clientId })
  if (all.length === 0) fieldError('clientId', 'This client has no projects you bill', 'exists')
  if (!request.projectIds?.length) return all
  const chosen = all.filter((project) => request.projectIds!.includes(project.projectId))
  if (chosen.length !== new Set(request.projectIds).size) fieldError('projectIds', 'Choose projects of this client', 'exists')
  return chosen
}

/** Milestones already on an invoice that is not void. */
async function invoicedMilestoneIds(milestoneIds: string[]): Promise<Set<string>> {
  if (milestoneIds.length === 0) return new Set()
  const rows = await InvoiceLine.query()
    .select('milestoneId')
    .whereIn('milestoneId', milestoneIds)
    .whereIn('invoiceId', (query) => query.from('invoices').select('id').whereNot('status', 'void'))
  return new Set(rows.map((row) => row.milestoneId!))
}

/** The client an invoice for this request bills (validating the projects), without planning its lines. */
export async function invoiceClientId(request: InvoiceRequest): Promise<string> {
  return (await chosenProjects(request))[0].clientId
}

export async function planInvoice(request: InvoiceRequest): Promise<InvoicePlan> {
  if (request.from > request.to) fieldError('to', 'The range must end on or after its start', 'after')
  const projects = await chosenProjects(request)
  const currencies = new Set(projects.map((project) => project.currency))
  if (currencies.size > 1) fieldError('projectIds', 'An invoice has one currency: choose projects billed in the same currency', 'currency')
  const currency = projects[0].currency
  const clientId = projects[0].clientId
  const groupBy = request.groupBy ?? 'member'
  const projectIds = projects.map((project) => project.projectId)
  const names = new Map(projects.map((project) => [project.projectId, project.name]))

  const hourly = projects.filter((project) => project.billingType === 'hourly').map((project) => project.projectId)
  const entries = await unbilledEntries({ projectIds: hourly, from: request.from, to: request.to })
  const unrated = entries.find((entry) => entry.billableRateCents === null)
  if (unrated) {
    fieldError('projectId', `Billable time on “${names.get(unrated.projectId)}” has no rate: set the project's or the person's rate first`, 'rate')
  }
  const staff = await listStaff()
  const tasks = await taskTitles(entries.flatMap((entry) => (entry.taskId ? [entry.taskId] : [])))
  const lines: PlannedLine[] = timeLines(
    entries.map((entry) => ({ ...entry, billableRateCents: entry.billableRateCents! })),
    groupBy,
    { projects: names, members: new Map(staff.map((person) => [person.id, person.name])), tasks }
  ).map((line) => ({ ...line, quantityMilli: null }))

  const milestoneProjects = projects.filter((project) => project.billingType !== 'retainer').map((project) => project.projectId)
  const milestones = await completedMilestones(milestoneProjects)
  const billed = await invoicedMilestoneIds(milestones.map((milestone) => milestone.milestoneId))
  for (const milestone of milestones) {
    if (billed.has(milestone.milestoneId) || milestone.completedAt.slice(0, 10) > request.to) continue
    lines.push({
      kind: 'milestone',
      projectId: milestone.projectId,
      description: `${names.get(milestone.projectId)} · Milestone: ${milestone.name}`,
      quantitySeconds: null,
      quantityMilli: 1000,
      unitAmountCents: milestone.amountCents,
      amountCents: milestone.amountCents,
      milestoneId: milestone.milestoneId,
    })
  }

  const expenses = await Expense.query()
    .whereIn('projectId', projectIds)
    .where('status', 'approved')
    .where('billable', true)
    .whereNull('invoiceId')
    .whereBetween('spentOn', [request.from, request.to])
    .orderBy('spentOn')
  for (const expense of expenses) {
    if (expense.currency !== currency) fieldError('projectIds', `An expense is in ${expense.currency}, the invoice in ${currency}`, 'currency')
    const amount = withMarkup(Number(expense.amountCents), expense.markupBasisPoints)
    const markup = expense.markupBasisPoints ? ` (+${expense.markupBasisPoints / 100} %)` : ''
    lines.push({
      kind: 'expense',
      projectId: expense.projectId,
      description: `${names.get(expense.projectId)} · ${expense.category}: ${expense.description || 'Expense'}${markup}`.slice(0, 500),
      quantitySeconds: null,
      quantityMilli: 1000,
      unitAmountCents: amount,
      amountCents: amount,
      expenseId: expense.id,
    })
  }

  const agency = await agencySettings(tenancy.agencyId())
  const taxRateBasisPoints = request.taxRateBasisPoints ?? Math.round(agency.taxRate * 100)
  const subtotalCents = sum(lines.map((line) => line.amountCents))
  const taxCents = taxAmount(subtotalCents, taxRateBasisPoints)
  const recipient = await billingRecipient(clientId)
  return {
    clientId,
    clientName: recipient?.companyName ?? '',
    projects: projects.map((project) => ({ id: project.projectId, name: project.name })),
    currency,
    from: request.from,
    to: request.to,
    groupBy,
    lines,
    subtotalCents,
    taxRateBasisPoints,
    taxCents,
    totalCents: subtotalCents + taxCents,
    timeEntryIds: entries.map((entry) => entry.id),
    expenseIds: expenses.map((expense) => expense.id),
  }
}
