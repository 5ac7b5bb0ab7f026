import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Read side only: entries are written by AuditTrail without RETURNING (see audit/audit_trail.ts). */
export default class AuditLog extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare actorId: string | null

  @column()
  declare actorType: 'user' | 'client' | 'system'

  @column()
  declare entityType: string

  @column()
  declare entityId: string

  @column()
  declare action: string

  @column()
  declare before: Record<string, unknown> | null

  @column()
  declare after: Record<string, unknown> | null

  @column.dateTime()
  declare createdAt: DateTime
}
