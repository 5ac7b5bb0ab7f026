/**
 * The project workspace's Invoices tab reads the invoices that bill a
 * project through this seam: Billing registers the reader at boot
 * (`app/billing/register.ts`), so projects lists invoices without importing
 * Billing or reading its tables. The reader runs in the caller's tenant
 * transaction, under its RLS (owners and the managers who bill the client).
 * Plain data only; money in minor units.
 */
export interface ProjectInvoice {
  id: string
  number: string
  status: string
  /** The status for people ("Partially paid"). */
  statusLabel: string
  /** 'YYYY-MM-DD' */
  issueDate: string
  dueDate: string
  currency: string
  total: number
  amountDue: number
}

export type ProjectInvoicesReader = (projectId: string) => Promise<ProjectInvoice[]>

let reader: ProjectInvoicesReader | null = null

/** Registering again replaces the reader (a module reloaded in tests or dev). */
export function registerProjectInvoicesReader(next: ProjectInvoicesReader) {
  reader = next
}

/** The project's invoices, newest first; null when no module bills projects. */
export async function readProjectInvoices(projectId: string): Promise<ProjectInvoice[] | null> {
  return reader ? reader(projectId) : null
}
