import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

/** Finish-to-start: `taskId` starts once `dependsOnTaskId` is done. Both tasks are in `projectId`. */
export default class TaskDependency extends BaseModel {
  static table = 'task_dependencies'

  @column({ isPrimary: true })
  declare taskId: string

  @column({ isPrimary: true })
  declare dependsOnTaskId: string

  @column()
  declare agencyId: string

  @column()
  declare projectId: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(dependency: TaskDependency) {
    dependency.agencyId ??= tenancy.agencyId()
  }
}
