import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

/** Finish-to-start: the task starts after the one it depends on is done. */
export default class TemplateDependency extends BaseModel {
  static table = 'template_dependencies'

  @column({ isPrimary: true })
  declare templateTaskId: string

  @column({ isPrimary: true })
  declare dependsOnTemplateTaskId: string

  @column()
  declare agencyId: string

  @beforeCreate()
  static assignTenant(dependency: TemplateDependency) {
    dependency.agencyId ??= tenancy.agencyId()
  }
}
