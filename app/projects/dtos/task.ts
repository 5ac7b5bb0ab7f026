import type Task from '#projects/models/task'
import type { TaskPriority, TaskStatus } from '#projects/models/task'

export type { TaskPriority, TaskStatus }

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  review: 'Review',
  done: 'Done',
}

/** A task as the API and the pages see it. Estimate in hours (decimals), dates 'YYYY-MM-DD'. */
export interface TaskDto {
  id: string
  projectId: string
  milestoneId: string | null
  title: string
  description: string | null
  status: TaskStatus
  position: number
  priority: TaskPriority
  assigneeId: string | null
  assigneeName: string | null
  startDate: string | null
  dueDate: string | null
  estimateHours: number | null
  visibleToClient: boolean
  completedAt: string | null
  dependsOn: string[]
  /** Some task it depends on is not done yet. */
  blocked: boolean
  checklist: { done: number; total: number }
  createdAt: string
}

export interface TaskExtras {
  names: Map<string, string>
  dependsOn: Map<string, string[]>
  /** Ids of tasks that are done (to tell blocked ones). */
  doneIds: Set<string>
  checklist: Map<string, { done: number; total: number }>
}

export function toTaskDto(task: Task, extras: TaskExtras): TaskDto {
  const dependsOn = extras.dependsOn.get(task.id) ?? []
  return {
    id: task.id,
    projectId: task.projectId,
    milestoneId: task.milestoneId,
    title: task.title,
    description: task.description,
    status: task.status,
    position: task.position,
    priority: task.priority,
    assigneeId: task.assigneeUserId,
    assigneeName: task.assigneeUserId ? (extras.names.get(task.assigneeUserId) ?? 'Former user') : null,
    startDate: task.startDate,
    dueDate: task.dueDate,
    estimateHours: task.estimateSeconds === null ? null : Math.round((task.estimateSeconds / 3600) * 100) / 100,
    visibleToClient: task.visibleToClient,
    completedAt: task.completedAt?.toISO() ?? null,
    dependsOn,
    blocked: dependsOn.some((id) => !extras.doneIds.has(id)),
    checklist: extras.checklist.get(task.id) ?? { done: 0, total: 0 },
    createdAt: task.createdAt.toISO()!,
  }
}

export interface TaskCommentDto {
  id: string
  authorId: string
  authorName: string
  body: string
  createdAt: string
}

export interface ChecklistItemDto {
  id: string
  taskId: string
  label: string
  done: boolean
  position: number
}

export interface TaskDetailDto extends TaskDto {
  comments: TaskCommentDto[]
  checklistItems: ChecklistItemDto[]
}
