import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { assignTenantRow } from '#billing/models/tenant_row'

/** The invoice's own timeline: created, sent, viewed, reminded, paid, refunded, voided. */
export default class InvoiceActivity extends BaseModel {
  static table = 'invoice_activities'
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare invoiceId: string

  @column()
  declare kind: string

  @column()
  declare detail: string | null

  /** Work that must happen once per invoice (a reminder, a send) carries a key; the database keeps one row per key. */
  @column()
  declare dedupeKey: string | null

  @column()
  declare actorUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(activity: InvoiceActivity) {
    assignTenantRow(activity)
  }
}
