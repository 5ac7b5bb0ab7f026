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
