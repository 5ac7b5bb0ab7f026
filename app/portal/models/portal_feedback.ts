import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

/** A client contact's feedback on a project (optionally about one deliverable); it becomes a task for the team. */
export default class PortalFeedback extends BaseModel {
  static table = 'portal_feedback'
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare projectId: string

  @column()
  declare clientId: string

  @column()
  declare contactId: string

  @column()
  declare deliverableId: string | null

  @column()
  declare body: string

  @column()
  declare taskId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(row: PortalFeedback) {
    row.id ??= randomUUID()
    row.agencyId ??= tenancy.agencyId()
  }
}
