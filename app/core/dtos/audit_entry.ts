export interface AuditEntryDto {
  id: string
  createdAt: string
  actor: { id: string | null; type: 'user' | 'client' | 'system'; name: string | null }
  entityType: string
  entityId: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}
