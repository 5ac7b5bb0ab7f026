import { recordAudit } from '#core/public/audit'
import { fieldError } from '#core/public/errors'
import Contact from '#crm/models/contact'
import type { ContactInput } from '#crm/actions/create_contact'

/**
 * Clears the client's primary flag first: the partial unique index allows one
 * primary per client, so the new one can only be set afterwards.
 */
export async function unsetPrimary(clientId: string, except?: string) {
  const query = Contact.query().where('clientId', clientId).where('isPrimary', true)
  if (except) query.whereNot('id', except)
  await query.update({ isPrimary: false })
}

const AUDITED = ['name', 'email', 'phone', 'jobTitle', 'isPrimary', 'isBillingContact', 'portalAccess'] as const

/** Edits a contact; making it primary unsets the previous primary in the same transaction. */
export default class UpdateContact {
  async handle(contact: Contact, changes: Partial<ContactInput>) {
    if (changes.isPrimary === false && contact.isPrimary) {
      fieldError('isPrimary', 'A client always has a primary contact: make another contact primary instead')
    }
    const before = Object.fromEntries(AUDITED.map((key) => [key, contact[key]]))
    if (changes.isPrimary && !contact.isPrimary) await unsetPrimary(contact.clientId, contact.id)
    contact.merge(Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)))
    if (Object.keys(contact.$dirty).length) {
      await contact.save()
      const after = Object.fromEntries(AUDITED.map((key) => [key, contact[key]]))
      await recordAudit({ entityType: 'contact', entityId: contact.id, action: 'updated', before, after })
    }
    return contact
  }
}
