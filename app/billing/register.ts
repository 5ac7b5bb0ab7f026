/*
| Billing plugs into the modules below it: expenses count as project spend,
| the client page lists the client's invoices.
*/
import { registerClientRelation } from '#crm/public/client_relations'
import { registerProjectInvoicesReader } from '#projects/public/project_invoices'
import { clientInvoices } from '#billing/queries/client_invoices'
import { projectInvoices } from '#billing/queries/project_invoices'

// The client page's Invoices section and the project workspace's Invoices tab.
registerClientRelation('invoices', { label: 'Invoices', list: clientInvoices })
registerProjectInvoicesReader(projectInvoices)
import { registerSpendSource } from '#projects/public/spend'
import { dailyExpenseSpend, expenseSpend } from '#billing/queries/expense_spend'

// Approved expenses count towards the project's spend at cost (markup is revenue, not cost).
registerSpendSource('expenses', { spentFor: expenseSpend, dailySpentFor: dailyExpenseSpend })

// Delivery: an invoice whose content changed gets its PDF re-rendered on the queue; reminders run from the worker's schedule.
import { dispatchAfterCommit, registerSchedule } from '#core/public/queue'
import { tenancy } from '#core/public/tenancy'
import { onInvoiceChanged } from '#billing/actions/invoice_changed'
import RenderInvoicePdfJob from '#billing/jobs/render_invoice_pdf_job'
import { scheduleInvoiceReminders } from '#billing/jobs/invoice_reminders_job'

onInvoiceChanged('pdf', (invoiceId) => dispatchAfterCommit(RenderInvoicePdfJob, { agencyId: tenancy.agencyId(), invoiceId }))
registerSchedule(scheduleInvoiceReminders)
