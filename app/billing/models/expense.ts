import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { assignTenantRow } from '#billing/models/tenant_row'

export type ExpenseStatus = 'submitted' | 'approved' | 'rejected'

/** A cost on a project; billable ones go on an invoice with their markup. */
export default class Expense extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare projectId: string

  @column()
  declare userId: string

  @column()
  declare spentOn: string

  @column()
  declare amountCents: number

  @column()
  declare currency: string

  @column()
  declare category: string

  @column()
  declare description: string

  @column()
  declare receiptPath: string | null

  @column()
  declare receiptName: string | null

  @column()
  declare billable: boolean

  @column()
  declare markupBasisPoints: number

  @column()
  declare status: ExpenseStatus

  @column()
  declare decidedByUserId: string | null

  @column()
  declare invoiceId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(expense: Expense) {
    assignTenantRow(expense)
  }
}
