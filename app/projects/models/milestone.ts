import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export type MilestoneStatus = 'open' | 'completed'

export default class Milestone extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare projectId: string

  @column()
  declare name: string

  /** 'YYYY-MM-DD' */
  @column()
  declare dueDate: string | null

  /** Billed when the milestone completes (milestone billing). */
  @column()
  declare amountCents: number | null

  @column()
  declare status: MilestoneStatus

  @column.dateTime()
  declare completedAt: DateTime | null

  @column()
  declare position: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(milestone: Milestone) {
    milestone.id ??= randomUUID()
    milestone.agencyId ??= tenancy.agencyId()
  }
}
