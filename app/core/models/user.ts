import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, beforeCreate, beforeSave, column } from '@adonisjs/lucid/orm'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { VerifiedFirstTokensProvider } from '#core/security/access_tokens_provider'

export type StaffRole = 'owner' | 'manager' | 'member'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare email: string

  @column()
  declare name: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare role: StaffRole

  @column()
  declare isActive: boolean

  @column()
  declare hourlyRateCents: number | null

  @column()
  declare costRateCents: number | null

  @column()
  declare capacityHoursWeekly: number

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column.dateTime()
  declare deactivatedAt: DateTime | null

  @column()
  declare sessionVersion: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  static accessTokens = new VerifiedFirstTokensProvider({
    tokenableModel: User,
    prefix: 'tl_',
    table: 'auth_access_tokens',
    type: 'api_token',
    tokenSecretLength: 40,
  })

  @beforeCreate()
  static assignDefaults(user: User) {
    user.id ??= randomUUID()
    // Sessions record this value at sign-in, so it must be known before the first one.
    user.sessionVersion ??= 1
  }

  @beforeSave()
  static normalizeEmail(user: User) {
    if (user.$dirty.email) user.email = user.email.trim().toLowerCase()
  }
}
