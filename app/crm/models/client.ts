import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import { assignTenantRow } from '#crm/models/tenant_row'
import Contact from '#crm/models/contact'
import Tag from '#crm/models/tag'

export default class Client extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare companyName: string

  @column()
  declare industry: string | null

  @column()
  declare website: string | null

  @column()
  declare address: string | null

  /** Derived from paid invoices (billing keeps it current); never typed. */
  @column()
  declare lifetimeRevenueCents: number

  @column.dateTime()
  declare lastActivityAt: DateTime

  @column.dateTime()
  declare archivedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => Contact)
  declare contacts: HasMany<typeof Contact>

  @manyToMany(() => Tag, { pivotTable: 'client_tags' })
  declare tags: ManyToMany<typeof Tag>

  @beforeCreate()
  static assignTenant(client: Client) {
    assignTenantRow(client)
    client.lastActivityAt ??= DateTime.now()
  }
}
