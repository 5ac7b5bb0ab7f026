import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export type ProjectStatus = 'planning' | 'active' | 'on_hold' | 'completed'
export type BillingType = 'hourly' | 'fixed' | 'retainer'
export type RetainerPeriod = 'monthly' | 'quarterly'

export default class Project extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare clientId: string

  /** The won deal this project came from (crm's deals table). */
  @column()
  declare sourceDealId: string | null

  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare status: ProjectStatus

  @column()
  declare budgetCents: number | null

  @column()
  declare currency: string

  @column()
  declare billingType: BillingType

  /** A category such as "Web design" or "SEO" (free text); null when not set. */
  @column()
  declare serviceType: string | null

  /** Time logged here is billable unless the person says otherwise. */
  @column()
  declare billableByDefault: boolean

  /** The project's billable rate, between a member's project override and their own rate. */
  @column()
  declare hourlyRateCents: number | null

  @column()
  declare budgetSeconds: number | null

  /** 'YYYY-MM-DD' */
  @column()
  declare startDate: string | null

  /** 'YYYY-MM-DD', never before startDate */
  @column()
  declare deadline: string | null

  @column()
  declare retainerAmountCents: number | null

  @column()
  declare retainerPeriod: RetainerPeriod | null

  @column()
  declare retainerIncludedSeconds: number | null

  /** Unused included hours carry over this many periods; 0 = no rollover. */
  @column()
  declare retainerRolloverPeriods: number

  @column()
  declare overageRateCents: number | null

  /** Set by the database from the request's user; a manager keeps the projects they created. */
  @column()
  declare createdByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(project: Project) {
    project.id ??= randomUUID()
    project.agencyId ??= tenancy.agencyId()
  }
}
