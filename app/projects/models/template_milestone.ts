import { randomUUID } from 'node:crypto'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export default class TemplateMilestone extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare templateId: string

  @column()
  declare name: string

  /** Days after the project's start. */
  @column()
  declare dueOffsetDays: number

  @column()
  declare amountCents: number | null

  @beforeCreate()
  static assignTenant(milestone: TemplateMilestone) {
    milestone.id ??= randomUUID()
    milestone.agencyId ??= tenancy.agencyId()
  }
}
