import { portalInvoices } from '#billing/public/portal_invoices'
import { portalProjects } from '#projects/public/portal_projects'
import type { PortalSession } from '#portal/auth/portal_session'

/** The portal's home: the company's projects, and the invoices still to pay. */
export async function portalHome(session: PortalSession) {
  const projects = await portalProjects(session.clientId)
  const invoices = await portalInvoices(session.clientId)
  const outstanding = invoices.filter((invoice) => invoice.payable)
  return {
    projects,
    outstandingInvoices: outstanding,
    // Per currency: an agency may bill one client in more than one.
    outstandingTotals: Object.entries(
      outstanding.reduce<Record<string, number>>((totals, invoice) => {
        totals[invoice.currency] = (totals[invoice.currency] ?? 0) + invoice.amountDue
        return totals
      }, {})
    ).map(([currency, amount]) => ({ currency, amount })),
  }
}
