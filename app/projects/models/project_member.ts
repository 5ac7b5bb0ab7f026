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

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @beforeCreate()
  static assignTenant(member: ProjectMember) {
    member.agencyId ??= tenancy.agencyId()
  }
}
