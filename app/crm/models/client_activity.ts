import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { assignTenantRow } from '#crm/models/tenant_row'

/** Logged by hand on the client page. */
export const MANUAL_ACTIVITY_KINDS = ['note', 'call', 'meeting', 'email'] as const
export type ManualActivityKind = (typeof MANUAL_ACTIVITY_KINDS)[number]

/** One entry of a client's timeline: a note or call logged by hand, or an event another module recorded. */
export default class ClientActivity extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare clientId: string | null

  @column()
  declare dealId: string | null

  @column()
  declare kind: string

  @column()
  declare body: string

  @column()
  declare metadata: Record<string, unknown>

  @column()
  declare actorUserId: string | null

  @column.dateTime()
  declare occurredAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(activity: ClientActivity) {
    assignTenantRow(activity)
    activity.occurredAt ??= DateTime.now()
    activity.metadata ??= {}
  }
}
