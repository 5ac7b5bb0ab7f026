import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import type Client from '#crm/models/client'

/** Hides a client from the default list; its history stays. Archiving an archived client changes nothing. */
export default class ArchiveClient {
  async handle(client: Client) {
    if (client.archivedAt) return client
    client.archivedAt = DateTime.now()
    await client.save()
    await recordAudit({ entityType: 'client', entityId: client.id, action: 'archived' })
    return client
  }
}
