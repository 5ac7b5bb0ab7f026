import RecordClientEvent, { type ClientEvent } from '#crm/actions/record_client_event'

export type { ClientEvent }

/**
 * Other modules put their events on a client's timeline (project created,
 * invoice sent or paid, portal feedback…) inside their own transaction.
 */
export function recordClientEvent(event: ClientEvent) {
  return new RecordClientEvent().handle(event)
}
