import type { TaskDetailDto, TaskDto, TaskStatus, TaskPriority } from '../../../../app/projects/dtos/task'

export type { TaskDetailDto, TaskDto, TaskStatus, TaskPriority }

export const STATUSES: { value: TaskStatus; label: string }[] = [
  { value: 'todo', label: 'To do' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'review', label: 'Review' },
  { value: 'done', label: 'Done' },
]

export const PRIORITIES: { value: TaskPriority; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
  { value: 'urgent', label: 'Urgent' },
]

export const statusLabel = (status: TaskStatus) => STATUSES.find((s) => s.value === status)!.label
export const priorityLabel = (priority: TaskPriority) => PRIORITIES.find((p) => p.value === priority)!.label

export interface Option {
  id: string
  name: string
}

export interface TaskOption {
  id: string
  title: string
  status: TaskStatus
  milestoneId: string | null
}

/** What the board and the list share: choices for forms and what the user may do. */
export interface TaskPageProps {
  project: { id: string; name: string; status: 'planning' | 'active' | 'on_hold' | 'completed'; currency: string; client: { id: string; name: string | null } }
  openTask: TaskDetailDto | null
  taskOptions: TaskOption[]
  milestones: Option[]
  staff: Option[]
  canManage: boolean
  canWork: boolean
  userId: string
}
