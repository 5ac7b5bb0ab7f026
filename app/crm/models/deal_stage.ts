import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { assignTenantRow } from '#crm/models/tenant_row'

/** `won` and `lost` are the fixed terminal kinds; every other stage is `open`. */
export type StageKind = 'open' | 'won' | 'lost'

export default class DealStage extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare name: string

  @column()
  declare kind: StageKind

  @column()
  declare position: number

  @column()
  declare defaultProbability: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(stage: DealStage) {
    assignTenantRow(stage)
  }
}
