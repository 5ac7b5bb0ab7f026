/**
 * The portal writes to a client's contacts who may sign in to it (a new
 * deliverable to approve) and shows staff who decided what. Plain data; RLS
 * applies (the portal's jobs read as `system` of the agency).
 */
import Client from '#crm/models/client'
import Contact from '#crm/models/contact'

export interface PortalRecipients {
  clientId: string
  companyName: string
  contacts: Array<{ id: string; name: string; email: string }>
}

/** The client's contacts with portal access and an email; null when the client is unseen. */
export async function portalRecipients(clientId: string): Promise<PortalRecipients | null> {
  const client = await Client.find(clientId)
  if (!client) return null
  const contacts = await Contact.query().where('clientId', clientId).where('portalAccess', true).whereNotNull('email').orderBy('createdAt')
  return {
    clientId,
    companyName: client.companyName,
    contacts: contacts.map((contact) => ({ id: contact.id, name: contact.name, email: contact.email! })),
  }
}

/** Contact names by id (the caller's RLS: unseen ids are absent). */
export async function contactNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const contacts = await Contact.query().whereIn('id', unique).select('id', 'name')
  return new Map(contacts.map((contact) => [contact.id, contact.name]))
}
