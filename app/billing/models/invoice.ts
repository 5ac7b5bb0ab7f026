import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { InvoiceStatus } from '#billing/rules/invoice_status'
import InvoiceLine from '#billing/models/invoice_line'
import { assignTenantRow } from '#billing/models/tenant_row'

export type LineGrouping = 'member' | 'task' | 'day' | 'project'

/** An invoice; `status`, `amountPaidCents` and `amountRefundedCents` are derived from the ledger, never typed. */
export default class Invoice extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare clientId: string

  @column()
  declare number: string

  @column()
  declare sequenceNumber: number

  @column()
  declare status: InvoiceStatus

  @column()
  declare currency: string

  @column()
  declare issueDate: string

  @column()
  declare dueDate: string

  @column()
  declare periodFrom: string | null

  @column()
  declare periodTo: string | null

  @column()
  declare groupBy: LineGrouping

  @column()
  declare subtotalCents: number

  @column()
  declare taxRateBasisPoints: number

  @column()
  declare taxCents: number

  @column()
  declare totalCents: number

  @column()
  declare amountPaidCents: number

  @column()
  declare amountRefundedCents: number

  @column()
  declare notes: string | null

  @column()
  declare terms: string | null

  @column.dateTime()
  declare sentAt: DateTime | null

  @column.dateTime()
  declare voidedAt: DateTime | null

  @column()
  declare voidReason: string | null

  @column()
  declare stripeCheckoutSessionId: string | null

  @column()
  declare stripeCheckoutUrl: string | null

  @column()
  declare pdfPath: string | null

  @column.dateTime()
  declare pdfRenderedAt: DateTime | null

  @column()
  declare createdByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => InvoiceLine, { onQuery: (query) => query.orderBy('position') })
  declare lines: HasMany<typeof InvoiceLine>

  @beforeCreate()
  static assignTenant(invoice: Invoice) {
    assignTenantRow(invoice)
  }
}
