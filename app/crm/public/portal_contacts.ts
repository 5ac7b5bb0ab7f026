import Client from '#crm/models/client'
import Contact from '#crm/models/contact'

export interface PortalContactProfile {
  contactId: string
  name: string
  email: string | null
  clientId: string
  companyName: string
}

/**
 * The signed-in portal contact and their company, for the portal's header
 * and greeting (RLS applies: a contact reads their own company and its
 * contacts). Null when unseen.
 */
export async function portalContactProfile(contactId: string): Promise<PortalContactProfile | null> {
  const contact = await Contact.find(contactId)
  if (!contact) return null
  const client = await Client.find(contact.clientId)
  if (!client) return null
  return { contactId: contact.id, name: contact.name, email: contact.email, clientId: client.id, companyName: client.companyName }
}
