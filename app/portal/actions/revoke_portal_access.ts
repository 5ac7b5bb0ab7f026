import { recordAudit } from '#core/public/audit'
import { tenancy } from '#core/public/tenancy'
import { setPortalAccess, type PortalContactDto } from '#crm/public/portal_access'

/**
 * "Revoke portal access" (owners and managers), at once: the contact's flag
 * goes off through the CRM (session look-ups and magic links require it, so
 * any open session fails on its next request), their live sessions are
 * ended as well, and their unused sign-in links are spent. Null when the contact is not visible to the caller.
 */
export default class RevokePortalAccess {
  async handle(contactId: string): Promise<{ contact: PortalContactDto; sessionsEnded: number } | null> {
    const contact = await setPortalAccess(contactId, false)
    if (!contact) return null
    const sessionsEnded = await tenancy
      .client()
      .from('portal_sessions')
      .where('contact_id', contact.id)
      .whereNull('ended_at')
      .update({ ended_at: new Date() })
    // Links sent before stay dead even if access is granted again.
    await tenancy.client().rawQuery('select portal_spend_links(?)', [contact.id])
    await recordAudit({ entityType: 'contact', entityId: contact.id, action: 'portal_revoked', before: null, after: { sessionsEnded: Number(sessionsEnded) } })
    return { contact, sessionsEnded: Number(sessionsEnded) }
  }
}
