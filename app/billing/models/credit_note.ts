import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { assignTenantRow } from '#billing/models/tenant_row'

/** Money owed back on a paid invoice, numbered in its own sequence (CN-0001). */
export default class CreditNote extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare invoiceId: string

  @column()
  declare number: string

  @column()
  declare sequenceNumber: number

  @column()
  declare amountCents: number

  @column()
  declare currency: string

  @column()
  declare reason: string

  @column()
  declare issueDate: string

  @column()
  declare createdByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(note: CreditNote) {
    assignTenantRow(note)
  }
}
