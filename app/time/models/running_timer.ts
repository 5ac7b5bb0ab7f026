import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

/** The one timer a user may have running, kept on the server so reloads and other devices see it. */
export default class RunningTimer extends BaseModel {
  static table = 'running_timers'

  @column({ isPrimary: true })
  declare userId: string

  @column()
  declare agencyId: string

  @column()
  declare projectId: string

  @column()
  declare taskId: string | null

  @column()
  declare description: string

  @column()
  declare billable: boolean

  @column.dateTime()
  declare startedAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(timer: RunningTimer) {
    timer.agencyId ??= tenancy.agencyId()
  }
}
