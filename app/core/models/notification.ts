import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * An in-app notification (the header's bell). RLS shows a user only their own;
 * rows are written by `notifyUsers()` without RETURNING (the writer, a job,
 * may not read them back).
 */
export default class Notification extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare userId: string

  @column()
  declare kind: string

  @column()
  declare title: string

  @column()
  declare body: string | null

  @column()
  declare href: string | null

  @column.dateTime()
  declare readAt: DateTime | null

  @column.dateTime()
  declare createdAt: DateTime
}
