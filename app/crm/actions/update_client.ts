import { recordAudit } from '#core/public/audit'
import type Client from '#crm/models/client'
import SetClientTags from '#crm/actions/set_client_tags'

export interface ClientChanges {
  companyName?: string
  industry?: string | null
  website?: string | null
  address?: string | null
  tagIds?: string[]
}

const AUDITED = ['companyName', 'industry', 'website', 'address'] as const

/** Edits a client's details (and, when given, its tags); lifetime revenue is never among them. */
export default class UpdateClient {
  async handle(client: Client, changes: ClientChanges) {
    const { tagIds, ...details } = changes
    const before = Object.fromEntries(AUDITED.map((key) => [key, client[key]]))
    client.merge(Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)))
    const dirty = Object.keys(client.$dirty)
    if (dirty.length) {
      await client.save()
      const after = Object.fromEntries(AUDITED.map((key) => [key, client[key]]))
      await recordAudit({ entityType: 'client', entityId: client.id, action: 'updated', before, after })
    }
    if (tagIds) await new SetClientTags().handle(client, tagIds)
    return client
  }
}
