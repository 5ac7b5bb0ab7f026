import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { assignTenantRow } from '#billing/models/tenant_row'

export type LedgerKind = 'payment' | 'refund' | 'dispute'
export type PaymentMethod = 'stripe' | 'bank_transfer' | 'card' | 'cash' | 'check' | 'other'

/** A row of the payments ledger: a payment, a refund or a dispute. Stripe rows are keyed by Stripe's object id. */
export default class Payment extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare invoiceId: string

  @column()
  declare kind: LedgerKind

  @column()
  declare disputeStatus: 'open' | 'won' | 'lost' | null

  @column()
  declare amountCents: number

  @column()
  declare currency: string

  @column.dateTime()
  declare occurredAt: DateTime

  @column()
  declare method: PaymentMethod

  @column()
  declare reference: string | null

  @column()
  declare stripeObjectId: string | null

  @column()
  declare recordedByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(payment: Payment) {
    assignTenantRow(payment)
  }
}
