import { DateTime } from 'luxon'
import { tenancy } from '#core/public/tenancy'
import type Client from '#crm/models/client'
import ClientActivity, { type ManualActivityKind } from '#crm/models/client_activity'

export interface ManualActivity {
  kind: ManualActivityKind
  body: string
  /** ISO 8601; defaults to now. */
  occurredAt?: string
}

/**
 * A note, call, meeting or email logged by hand on the client page. Unlike
 * recorded events it may be back-dated, so last activity only moves forward.
 */
export default class LogClientActivity {
  async handle(client: Client, input: ManualActivity) {
    const occurredAt = input.occurredAt ? DateTime.fromISO(input.occurredAt) : DateTime.now()
    const activity = await ClientActivity.create({
      clientId: client.id,
      kind: input.kind,
      body: input.body,
      actorUserId: tenancy.current()?.userId ?? null,
      occurredAt,
    })
    if (occurredAt > client.lastActivityAt) {
      client.lastActivityAt = occurredAt
      await client.save()
    }
    return activity
  }
}
