import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'
import type { DeliverableStatus } from '#portal/dtos/deliverable'

export type { DeliverableStatus }

/** A file the team shares with the client on a project; some ask for the client's approval. */
export default class Deliverable extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare projectId: string

  @column()
  declare title: string

  @column()
  declare description: string | null

  @column({ serializeAs: null })
  declare filePath: string

  @column()
  declare fileName: string

  @column()
  declare contentType: string

  @column()
  declare sizeBytes: number

  @column()
  declare requiresApproval: boolean

  @column()
  declare status: DeliverableStatus

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column()
  declare decidedByContactId: string | null

  @column()
  declare decisionComment: string | null

  @column()
  declare revisionTaskId: string | null

  @column()
  declare uploadedByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(row: Deliverable) {
    row.id ??= randomUUID()
    row.agencyId ??= tenancy.agencyId()
  }
}
