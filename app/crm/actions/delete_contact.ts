import { recordAudit } from '#core/public/audit'
import Contact from '#crm/models/contact'

/** Removes a contact; when it was the primary one, the longest-standing other contact takes over. */
export default class DeleteContact {
  async handle(contact: Contact) {
    await contact.delete()
    if (contact.isPrimary) {
      const next = await Contact.query().where('clientId', contact.clientId).orderBy('createdAt').orderBy('id').first()
      if (next) {
        next.isPrimary = true
        await next.save()
      }
    }
    await recordAudit({
      entityType: 'contact',
      entityId: contact.id,
      action: 'deleted',
      before: { clientId: contact.clientId, name: contact.name, email: contact.email, isPrimary: contact.isPrimary },
    })
  }
}
