import { recordAudit } from '#core/public/audit'
import type Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import { unsetPrimary } from '#crm/actions/update_contact'

export interface ContactInput {
  name: string
  email?: string | null
  phone?: string | null
  jobTitle?: string | null
  isPrimary?: boolean
  isBillingContact?: boolean
  portalAccess?: boolean
}

/** Adds a contact; the client's first contact, or one marked primary, becomes the primary one. */
export default class CreateContact {
  async handle(client: Client, input: ContactInput) {
    const hasContacts = await Contact.query().where('clientId', client.id).first()
    const isPrimary = !hasContacts || input.isPrimary === true
    if (isPrimary) await unsetPrimary(client.id)
    const contact = await Contact.create({
      clientId: client.id,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      jobTitle: input.jobTitle ?? null,
      isPrimary,
      isBillingContact: input.isBillingContact ?? false,
      portalAccess: input.portalAccess ?? false,
    })
    await recordAudit({
      entityType: 'contact',
      entityId: contact.id,
      action: 'created',
      after: { clientId: client.id, name: contact.name, email: contact.email, isPrimary },
    })
    return contact
  }
}
