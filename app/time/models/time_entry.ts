import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export type TimeEntryStatus = 'draft' | 'submitted' | 'approved'

/**
 * One piece of logged work. Rates and currency are frozen when it is created,
 * so a later rate change never rewrites history. Submitted, approved and
 * invoiced entries are immutable (enforced by the database, see 0011_time.ts).
 */
export default class TimeEntry extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare userId: string

  @column()
  declare projectId: string

  @column()
  declare taskId: string | null

  @column()
  declare description: string

  /** 'YYYY-MM-DD': the day in the agency's time zone. */
  @column()
  declare entryDate: string

  /** Both set for timed entries (timer, start–end); both null for a plain duration. */
  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare endedAt: DateTime | null

  @column()
  declare durationSeconds: number

  @column()
  declare billable: boolean

  /** Minor units per hour, frozen at creation. */
  @column()
  declare billableRateCents: number | null

  @column()
  declare costRateCents: number | null

  @column()
  declare currency: string

  @column()
  declare status: TimeEntryStatus

  @column.dateTime()
  declare submittedAt: DateTime | null

  @column.dateTime()
  declare approvedAt: DateTime | null

  @column()
  declare approvedByUserId: string | null

  /** Billing's invoice that bills this entry; no foreign key, Billing sits above Time. */
  @column()
  declare invoiceId: string | null

  @column.dateTime()
  declare invoicedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get locked() {
    return this.status !== 'draft' || this.invoiceId !== null
  }

  @beforeCreate()
  static assignTenant(entry: TimeEntry) {
    entry.id ??= randomUUID()
    entry.agencyId ??= tenancy.agencyId()
  }
}
