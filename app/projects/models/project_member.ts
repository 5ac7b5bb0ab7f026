import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export default class ProjectMember extends BaseModel {
  static table = 'project_members'

  @column({ isPrimary: true })
  declare projectId: string

  @column({ isPrimary: true })
  declare userId: string

  @column()
  declare agencyId: string

  @column()
  declare role: 'manager' | 'member'

  @column()
  declare billableRateCents: number | null

  @column()
  declare costRateCents: number | null

  @column()
  declare weeklyAllocatedSeconds: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(member: ProjectMember) {
    member.agencyId ??= tenancy.agencyId()
  }
}
