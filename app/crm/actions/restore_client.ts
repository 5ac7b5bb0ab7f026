import { recordAudit } from '#core/public/audit'
import type Client from '#crm/models/client'

/** Brings an archived client back into the default list. */
export default class RestoreClient {
  async handle(client: Client) {
    if (!client.archivedAt) return client
    client.archivedAt = null
    await client.save()
    await recordAudit({ entityType: 'client', entityId: client.id, action: 'restored' })
    return client
  }
}
