import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { assignTenantRow } from '#crm/models/tenant_row'

export default class Contact extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare clientId: string

  @column()
  declare name: string

  @column()
  declare email: string | null

  @column()
  declare phone: string | null

  @column()
  declare jobTitle: string | null

  @column()
  declare isPrimary: boolean

  @column()
  declare isBillingContact: boolean

  @column()
  declare portalAccess: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(contact: Contact) {
    assignTenantRow(contact)
  }
}
