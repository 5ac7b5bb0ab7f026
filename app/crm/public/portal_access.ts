import Contact from '#crm/models/contact'
import UpdateContact from '#crm/actions/update_contact'

/** A contact as the portal needs it (who to invite, whose access changes). */
export interface PortalContactDto {
  id: string
  clientId: string
  name: string
  email: string | null
  portalAccess: boolean
}

const toDto = (contact: Contact): PortalContactDto => ({
  id: contact.id,
  clientId: contact.clientId,
  name: contact.name,
  email: contact.email,
  portalAccess: contact.portalAccess,
})

/** The contact, or null when the caller cannot see it (RLS applies: another agency's contact is null). */
export async function portalContact(contactId: string): Promise<PortalContactDto | null> {
  const contact = await Contact.find(contactId)
  return contact ? toDto(contact) : null
}

/** Contact names by id, for the portal's activity list (RLS applies). */
export async function contactNames(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const contacts = await Contact.query().whereIn('id', [...new Set(ids)]).select('id', 'name')
  return new Map(contacts.map((contact) => [contact.id, contact.name]))
}

/**
 * Grants or revokes a contact's portal access (`contacts.portal_access`),
 * audited like any contact edit; the portal never writes CRM tables itself.
 * Null when the caller cannot see the contact.
 */
export async function setPortalAccess(contactId: string, on: boolean): Promise<PortalContactDto | null> {
  const contact = await Contact.find(contactId)
  if (!contact) return null
  await new UpdateContact().handle(contact, { portalAccess: on })
  return toDto(contact)
}
