import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { tenancy } from '#core/public/tenancy'
import TemplateMilestone from '#projects/models/template_milestone'
import TemplateTask from '#projects/models/template_task'

export default class ProjectTemplate extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare billingType: 'hourly' | 'fixed' | 'retainer' | null

  /** When set, a project made from the template takes this budget instead of a won deal's value. */
  @column()
  declare budgetCents: number | null

  @column()
  declare budgetSeconds: number | null

  @hasMany(() => TemplateTask, { foreignKey: 'templateId' })
  declare tasks: HasMany<typeof TemplateTask>

  @hasMany(() => TemplateMilestone, { foreignKey: 'templateId' })
  declare milestones: HasMany<typeof TemplateMilestone>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(template: ProjectTemplate) {
    template.id ??= randomUUID()
    template.agencyId ??= tenancy.agencyId()
  }
}
