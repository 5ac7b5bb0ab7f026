import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import { recordAudit } from '#core/public/audit'
import { requireTags } from '#crm/actions/set_client_tags'

export interface NewContact {
  name: string
  email?: string | null
  phone?: string | null
  jobTitle?: string | null
}

export interface NewClient {
  companyName: string
  industry?: string | null
  website?: string | null
  address?: string | null
  tagIds?: string[]
  /** Becomes the primary (and billing) contact. */
  primaryContact?: NewContact | null
}

/** A client, its primary contact and its tags, together. */
export default class CreateClient {
  async handle(input: NewClient) {
    if (input.tagIds?.length) await requireTags(input.tagIds)
    const client = await Client.create({
      companyName: input.companyName,
      industry: input.industry ?? null,
      website: input.website ?? null,
      address: input.address ?? null,
    })
    if (input.primaryContact) {
      await Contact.create({
        clientId: client.id,
        name: input.primaryContact.name,
        email: input.primaryContact.email ?? null,
        phone: input.primaryContact.phone ?? null,
        jobTitle: input.primaryContact.jobTitle ?? null,
        isPrimary: true,
        isBillingContact: true,
      })
    }
    if (input.tagIds?.length) {
      await client
        .related('tags')
        .attach(Object.fromEntries([...new Set(input.tagIds)].map((tagId) => [tagId, { agency_id: client.agencyId }])))
    }
    await recordAudit({ entityType: 'client', entityId: client.id, action: 'created', after: { companyName: client.companyName } })
    return client
  }
}
