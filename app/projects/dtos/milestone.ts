import type Milestone from '#projects/models/milestone'

export interface MilestoneDto {
  id: string
  projectId: string
  name: string
  dueDate: string | null
  /** Minor units of the project's currency. */
  amount: number | null
  status: 'open' | 'completed'
  completedAt: string | null
  position: number
  taskCount?: number
  doneTaskCount?: number
}

export function toMilestoneDto(milestone: Milestone, counts?: { taskCount: number; doneTaskCount: number }): MilestoneDto {
  return {
    id: milestone.id,
    projectId: milestone.projectId,
    name: milestone.name,
    dueDate: milestone.dueDate,
    amount: milestone.amountCents === null ? null : Number(milestone.amountCents),
    status: milestone.status,
    completedAt: milestone.completedAt?.toISO() ?? null,
    position: milestone.position,
    ...counts,
  }
}
