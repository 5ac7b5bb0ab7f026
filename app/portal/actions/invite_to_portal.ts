import { fieldError } from '#core/public/errors'
import { recordAudit } from '#core/public/audit'
import { setPortalAccess, portalContact, type PortalContactDto } from '#crm/public/portal_access'
import { issuePortalLink } from '#portal/actions/issue_portal_link'

/**
 * "Invite to portal" (owners and managers): turns the contact's portal
 * access on through the CRM and queues a branded invitation with a magic
 * link. Inviting again sends a fresh link. Null when the contact is not
 * visible to the caller (another agency's: 404).
 */
export default class InviteToPortal {
  async handle(contactId: string): Promise<PortalContactDto | null> {
    const found = await portalContact(contactId)
    if (!found) return null
    if (!found.email) fieldError('email', 'Add an email address to this contact before inviting them to the portal')
    const contact = (await setPortalAccess(contactId, true))!
    await issuePortalLink({ ...contact, email: contact.email! }, 'invitation')
    await recordAudit({ entityType: 'contact', entityId: contact.id, action: 'portal_invited', before: null, after: { email: contact.email } })
    return contact
  }
}
