import { tenancy } from '#core/public/tenancy'
import { portalContact } from '#crm/public/portal_access'
import { issuePortalLink } from '#portal/actions/issue_portal_link'

/**
 * "Send me a sign-in link": every portal-enabled contact of an active client
 * with this address (one per agency at most, typically) gets a link. Nothing
 * visible distinguishes a known address from an unknown one; the caller
 * answers the same either way.
 */
export default class RequestPortalLink {
  async handle(email: string) {
    const scope = tenancy.current()
    const caller = scope
      ? { agencyId: scope.agencyId, userId: scope.userId, role: scope.role, clientId: scope.clientId, contactId: scope.contactId }
      : null
    const matches = await tenancy.client().rawQuery('select agency_id, contact_id from portal_lookup_contacts(?)', [email])
    try {
      for (const match of matches.rows as Array<{ agency_id: string; contact_id: string }>) {
        // Trusted server code acting for that agency: read the contact and its branding, issue the link.
        await tenancy.enter({ agencyId: match.agency_id, userId: null, role: 'system' })
        const contact = await portalContact(match.contact_id)
        if (!contact?.email || !contact.portalAccess) continue
        await issuePortalLink({ ...contact, email: contact.email }, 'sign_in')
      }
    } finally {
      if (caller && matches.rows.length) await tenancy.enter(caller)
    }
  }
}
