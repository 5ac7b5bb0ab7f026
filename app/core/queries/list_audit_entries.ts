import AuditLog from '#core/models/audit_log'
import User from '#core/models/user'
import type { AuditEntryDto } from '#core/dtos/audit_entry'

export const AUDIT_PAGE_SIZE = 50

/** The agency's audit trail, newest first, a page at a time (RLS: owners only, own agency only). */
export async function listAuditEntries(page: number) {
  const result = await AuditLog.query().orderBy('createdAt', 'desc').orderBy('id').paginate(page, AUDIT_PAGE_SIZE)
  const actorIds = [...new Set(result.all().map((entry) => entry.actorId).filter((id): id is string => !!id))]
  const actors = actorIds.length ? await User.query().whereIn('id', actorIds).select('id', 'name') : []
  const names = new Map(actors.map((user) => [user.id, user.name]))
  const entries: AuditEntryDto[] = result.all().map((entry) => ({
    id: entry.id,
    createdAt: entry.createdAt.toISO()!,
    actor: { id: entry.actorId, type: entry.actorType, name: entry.actorId ? (names.get(entry.actorId) ?? null) : null },
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before,
    after: entry.after,
  }))
  return { entries, total: result.total, page: result.currentPage, lastPage: result.lastPage }
}
