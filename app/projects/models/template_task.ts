import { randomUUID } from 'node:crypto'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export default class TemplateTask extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare templateId: string

  @column()
  declare templateMilestoneId: string | null

  @column()
  declare title: string

  @column()
  declare description: string | null

  @column()
  declare priority: string

  @column()
  declare status: string

  @column()
  declare estimateSeconds: number | null

  /** Days after the project's start; null when the task had no such date. */
  @column()
  declare startOffsetDays: number | null

  @column()
  declare dueOffsetDays: number | null

  @column()
  declare position: number

  @beforeCreate()
  static assignTenant(task: TemplateTask) {
    task.id ??= randomUUID()
    task.agencyId ??= tenancy.agencyId()
  }
}
