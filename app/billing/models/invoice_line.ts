import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { assignTenantRow } from '#billing/models/tenant_row'

export type LineKind = 'time' | 'milestone' | 'expense' | 'retainer' | 'overage' | 'manual' | 'discount'

/** One line; its amount is rounded half-up once when it is written and never recomputed. */
export default class InvoiceLine extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare invoiceId: string

  @column()
  declare position: number

  @column()
  declare kind: LineKind

  @column()
  declare description: string

  @column()
  declare projectId: string | null

  /** Time lines: the hours, in seconds. */
  @column()
  declare quantitySeconds: number | null

  /** Other lines: the quantity in thousandths (1 = 1000). */
  @column()
  declare quantityMilli: number | null

  /** Time lines: the frozen rate per hour; other lines: the unit price. */
  @column()
  declare unitAmountCents: number

  @column()
  declare amountCents: number

  @column()
  declare milestoneId: string | null

  @column()
  declare expenseId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(line: InvoiceLine) {
    assignTenantRow(line)
  }
}
