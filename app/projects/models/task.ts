import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { tenancy } from '#core/public/tenancy'

export const TASK_STATUSES = ['todo', 'in_progress', 'review', 'done'] as const
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export type TaskPriority = (typeof TASK_PRIORITIES)[number]

export default class Task extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agencyId: string

  @column()
  declare projectId: string

  @column()
  declare milestoneId: string | null

  @column()
  declare title: string

  @column()
  declare description: string | null

  @column()
  declare status: TaskStatus

  /** Order inside the status column on the board, dense from 0. */
  @column()
  declare position: number

  @column()
  declare priority: TaskPriority

  @column()
  declare assigneeUserId: string | null

  /** 'YYYY-MM-DD' */
  @column()
  declare startDate: string | null

  /** 'YYYY-MM-DD' */
  @column()
  declare dueDate: string | null

  @column()
  declare estimateSeconds: number | null

  /** The Portal shows these tasks to the client. */
  @column()
  declare visibleToClient: boolean

  @column.dateTime()
  declare completedAt: DateTime | null

  @column()
  declare createdBy: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignTenant(task: Task) {
    task.id ??= randomUUID()
    task.agencyId ??= tenancy.agencyId()
  }
}
