import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'

export default class Agency extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare name: string

  @column()
  declare logoPath: string | null

  @column()
  declare brandColor: string

  @column()
  declare currency: string

  @column()
  declare timezone: string

  /** 20 % is 2000: percent with two decimals, kept as an integer. */
  @column()
  declare taxRateBasisPoints: number

  @column()
  declare invoicePrefix: string

  @column()
  declare paymentTermsDays: number

  @column()
  declare requireTimeApproval: boolean

  /** The last step of project rate resolution (minor units per hour). */
  @column()
  declare defaultHourlyRateCents: number | null

  @column()
  declare defaultCostRateCents: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignId(agency: Agency) {
    agency.id ??= randomUUID()
  }
}
