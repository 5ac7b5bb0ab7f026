import { fieldError } from '#core/public/errors'
import { findStaff } from '#core/public/users'
import Milestone from '#projects/models/milestone'
import type { TaskPriority, TaskStatus } from '#projects/models/task'

/** The task fields of the API and the forms (PRODUCT.md §3). */
export interface TaskInput {
  title?: string
  description?: string | null
  status?: TaskStatus
  priority?: TaskPriority
  assigneeId?: string | null
  startDate?: string | null
  dueDate?: string | null
  estimateHours?: number | null
  milestoneId?: string | null
  visibleToClient?: boolean
  dependsOn?: string[]
}

export function estimateSeconds(hours: number | null | undefined) {
  return hours === undefined ? undefined : hours === null ? null : Math.round(hours * 3600)
}

/** References must exist where the task lives: the assignee in the agency, the milestone in the project. */
export async function checkReferences(projectId: string, input: TaskInput) {
  if (input.assigneeId && !(await findStaff(input.assigneeId))) {
    fieldError('assigneeId', 'There is no team member with this id', 'exists')
  }
  if (input.milestoneId && !(await Milestone.query().where({ id: input.milestoneId, projectId }).first())) {
    fieldError('milestoneId', 'Choose a milestone of this project', 'exists')
  }
}

export function checkDates(startDate: string | null, dueDate: string | null) {
  if (startDate && dueDate && startDate > dueDate) fieldError('dueDate', 'The due date cannot be before the start date', 'afterOrEqual')
}
