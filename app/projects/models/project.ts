import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export type ProjectStatus = 'planning' | 'active' | 'on_hold' | 'completed'

export default class Project extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare clientId: string

  /** The won deal this project came from (crm's deals table). */
  @column()
  declare sourceDealId: string | null

  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare status: ProjectStatus

  @column()
  declare budgetCents: number | null

  @column()
  declare currency: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(project: Project) {
    project.id ??= randomUUID()
    project.agencyId ??= tenancy.agencyId()
  }
}
