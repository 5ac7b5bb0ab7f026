import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { assignTenantRow } from '#crm/models/tenant_row'
import Client from '#crm/models/client'
import DealStage from '#crm/models/deal_stage'

export default class Deal extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  /** Null while the deal is with a prospect; winning it creates the client. */
  @column()
  declare clientId: string | null

  @column()
  declare prospectCompanyName: string | null

  @column()
  declare prospectContactName: string | null

  @column()
  declare prospectContactEmail: string | null

  @column()
  declare stageId: string

  /** Order inside the stage's column on the board. */
  @column()
  declare position: number

  @column()
  declare title: string

  @column()
  declare description: string | null

  @column()
  declare valueCents: number

  @column()
  declare currency: string

  @column()
  declare probability: number

  @column.date()
  declare expectedCloseDate: DateTime | null

  @column()
  declare ownerUserId: string | null

  @column()
  declare lostReason: string | null

  @column.dateTime()
  declare closedAt: DateTime | null

  @column()
  declare wonProjectId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Client)
  declare client: BelongsTo<typeof Client>

  @belongsTo(() => DealStage, { foreignKey: 'stageId' })
  declare stage: BelongsTo<typeof DealStage>

  @beforeCreate()
  static assignTenant(deal: Deal) {
    assignTenantRow(deal)
  }
}
