import Client from '#crm/models/client'
import Contact from '#crm/models/contact'

/** Company names by client id, for modules that show a client next to their own records (RLS applies). */
export async function clientNames(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const clients = await Client.query().whereIn('id', [...new Set(ids)]).select('id', 'companyName')
  return new Map(clients.map((client) => [client.id, client.companyName]))
}

/** Active clients to choose from in other modules' forms, by name (RLS applies). */
export async function activeClientOptions(): Promise<Array<{ id: string; companyName: string }>> {
  const clients = await Client.query().whereNull('archivedAt').orderByRaw('lower(company_name)').select('id', 'companyName')
  return clients.map((client) => ({ id: client.id, companyName: client.companyName }))
}

export interface BillingRecipient {
  clientId: string
  companyName: string
  /** The billing contact, else the primary contact; null when neither has an email. */
  contactName: string | null
  email: string | null
}

/** Who an invoice for this client is addressed and emailed to (RLS applies: null when unseen). */
export async function billingRecipient(clientId: string): Promise<BillingRecipient | null> {
  const client = await Client.find(clientId)
  if (!client) return null
  const contacts = await Contact.query().where('clientId', clientId).whereNotNull('email').orderBy([
    { column: 'isBillingContact', order: 'desc' },
    { column: 'isPrimary', order: 'desc' },
    { column: 'createdAt', order: 'asc' },
  ])
  const contact = contacts[0]
  return { clientId, companyName: client.companyName, contactName: contact?.name ?? null, email: contact?.email ?? null }
}

/**
 * Billing keeps a client's lifetime revenue: the sum it has been paid, net of
 * refunds. Never typed by a person; only this call writes it.
 */
export async function setLifetimeRevenue(clientId: string, cents: number) {
  await Client.query().where('id', clientId).update({ lifetimeRevenueCents: cents })
}
