import { DateTime } from 'luxon'
import { tenancy } from '#core/public/tenancy'
import ClientActivity from '#crm/models/client_activity'
import Client from '#crm/models/client'

export interface ClientEvent {
  /** Null for a prospect deal's moves: they join the client's timeline when winning creates it. */
  clientId: string | null
  dealId?: string | null
  /** snake_case, e.g. `deal_moved`, `project_created`, `invoice_paid`. */
  kind: string
  /** One readable line: "Moved from Lead to Proposal". */
  body: string
  metadata?: Record<string, unknown>
}

/** Appends to a client's timeline and marks the client as recently active. */
export default class RecordClientEvent {
  async handle(event: ClientEvent) {
    const scope = tenancy.current()
    const activity = await ClientActivity.create({
      clientId: event.clientId,
      dealId: event.dealId ?? null,
      kind: event.kind,
      body: event.body,
      metadata: event.metadata ?? {},
      actorUserId: scope?.role === 'system' || scope?.role === 'client' ? null : (scope?.userId ?? null),
    })
    if (event.clientId) {
      await Client.query().where('id', event.clientId).update({ lastActivityAt: DateTime.now().toSQL() })
    }
    return activity
  }
}
