import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'

export default class Invitation extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare email: string

  @column()
  declare role: 'manager' | 'member'

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare invitedBy: string | null

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare acceptedAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isPending() {
    return !this.acceptedAt && !this.revokedAt && this.expiresAt > DateTime.now()
  }

  @beforeCreate()
  static assignId(invitation: Invitation) {
    invitation.id ??= randomUUID()
  }
}
