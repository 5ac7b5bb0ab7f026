import Task, { TASK_STATUSES, type TaskPriority, type TaskStatus } from '#projects/models/task'
import { presentTasks } from '#projects/queries/present_tasks'
import type { TaskDto } from '#projects/dtos/task'

export interface TaskFilters {
  status?: TaskStatus
  priority?: TaskPriority
  assigneeId?: string
  milestoneId?: string
  dueBefore?: string
  sort?: 'title' | 'status' | 'priority' | 'dueDate' | 'createdAt' | 'position'
  direction?: 'asc' | 'desc'
  page?: number
  perPage?: number
}

const SORT_SQL: Record<NonNullable<TaskFilters['sort']>, string> = {
  title: 'lower(title)',
  status: `array_position(array['todo', 'in_progress', 'review', 'done'], status)`,
  priority: `array_position(array['low', 'medium', 'high', 'urgent'], priority)`,
  dueDate: 'due_date',
  createdAt: 'created_at',
  position: 'position',
}

/** The list view and GET /api/projects/:id/tasks: filtered, sorted, paginated, with the total. */
export async function listTasks(projectId: string, filters: TaskFilters) {
  const page = filters.page ?? 1
  const perPage = filters.perPage ?? 25
  const query = Task.query().where('projectId', projectId)
  if (filters.status) query.where('status', filters.status)
  if (filters.priority) query.where('priority', filters.priority)
  if (filters.assigneeId) query.where('assigneeUserId', filters.assigneeId)
  if (filters.milestoneId) query.where('milestoneId', filters.milestoneId)
  if (filters.dueBefore) query.where('dueDate', '<', filters.dueBefore)
  const direction = filters.direction ?? 'asc'
  if (filters.sort) {
    query.orderByRaw(`${SORT_SQL[filters.sort]} ${direction} nulls last`)
  } else {
    query.orderByRaw(`${SORT_SQL.status} asc`).orderBy('position')
  }
  const result = await query.orderBy('id').paginate(page, perPage)
  const tasks: TaskDto[] = await presentTasks(result.all())
  return { tasks, total: result.total, page, perPage, lastPage: result.lastPage }
}

/** The board: every task of the project, by status column in position order. */
export async function taskBoard(projectId: string) {
  const tasks = await presentTasks(await Task.query().where('projectId', projectId).orderBy('position').orderBy('createdAt').orderBy('id'))
  return TASK_STATUSES.map((status) => ({ status, tasks: tasks.filter((task) => task.status === status) }))
}

/** Every task of the project as choices (dependencies, milestone links). */
export async function taskOptions(projectId: string) {
  const tasks = await Task.query().where('projectId', projectId).select('id', 'title', 'status', 'milestoneId').orderByRaw('lower(title)')
  return tasks.map((task) => ({ id: task.id, title: task.title, status: task.status, milestoneId: task.milestoneId }))
}
