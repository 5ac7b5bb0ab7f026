import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export type TimesheetStatus = 'submitted' | 'approved' | 'rejected'

/** A person's week (Monday first) once it has been submitted; no row means a draft week. */
export default class Timesheet extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare userId: string

  /** 'YYYY-MM-DD', a Monday. */
  @column()
  declare weekStart: string

  @column()
  declare status: TimesheetStatus

  @column.dateTime()
  declare submittedAt: DateTime | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column()
  declare decidedByUserId: string | null

  @column()
  declare rejectionReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(sheet: Timesheet) {
    sheet.id ??= randomUUID()
    sheet.agencyId ??= tenancy.agencyId()
  }
}
