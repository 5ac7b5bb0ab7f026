import { tenancy } from '#core/tenancy/tenant_context'

export interface AuditEntry {
  entityType: string
  entityId: string
  action: string
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  /** Defaults to the user of the current context. */
  actor?: { id: string | null; type: 'user' | 'client' | 'system' }
}

/**
 * Appends to the audit log inside the current transaction, so the entry and
 * the change it describes commit or roll back together. No RETURNING: members
 * may append but not read the log.
 */
export async function recordAudit(entry: AuditEntry) {
  const scope = tenancy.current()
  if (!scope?.agencyId) throw new Error('recordAudit() needs a tenant context')
  const actor = entry.actor ?? {
    id: scope.role === 'client' ? (scope.contactId ?? null) : scope.userId,
    type: scope.role === 'system' ? 'system' : scope.role === 'client' ? 'client' : 'user',
  }
  await scope.trx.insertQuery().table('audit_logs').insert({
    agency_id: scope.agencyId,
    actor_id: actor.id,
    actor_type: actor.type,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    action: entry.action,
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
  })
}
