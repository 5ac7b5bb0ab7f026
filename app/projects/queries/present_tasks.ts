import { listStaff } from '#core/public/users'
import ChecklistItem from '#projects/models/checklist_item'
import Task from '#projects/models/task'
import TaskComment from '#projects/models/task_comment'
import TaskDependency from '#projects/models/task_dependency'
import { toTaskDto, type TaskDetailDto, type TaskDto } from '#projects/dtos/task'

export async function staffNames() {
  return new Map((await listStaff()).map((user) => [user.id, user.name]))
}

/** Tasks with their assignee names, dependencies (and whether they block), and checklist counts. */
export async function presentTasks(tasks: Task[], names?: Map<string, string>): Promise<TaskDto[]> {
  if (!tasks.length) return []
  const ids = tasks.map((task) => task.id)
  const [dependencies, items] = await Promise.all([
    TaskDependency.query().whereIn('taskId', ids).orderBy('createdAt'),
    ChecklistItem.query().whereIn('taskId', ids).select('taskId', 'done'),
  ])
  const prerequisiteIds = [...new Set(dependencies.map((d) => d.dependsOnTaskId))]
  const doneIds = new Set(
    prerequisiteIds.length
      ? (await Task.query().whereIn('id', prerequisiteIds).where('status', 'done').select('id')).map((t) => t.id)
      : []
  )
  const dependsOn = new Map<string, string[]>()
  for (const d of dependencies) dependsOn.set(d.taskId, [...(dependsOn.get(d.taskId) ?? []), d.dependsOnTaskId])
  const checklist = new Map<string, { done: number; total: number }>()
  for (const item of items) {
    const counts = checklist.get(item.taskId) ?? { done: 0, total: 0 }
    counts.total += 1
    if (item.done) counts.done += 1
    checklist.set(item.taskId, counts)
  }
  const staff = names ?? (await staffNames())
  return tasks.map((task) => toTaskDto(task, { names: staff, dependsOn, doneIds, checklist }))
}

export async function presentTask(task: Task): Promise<TaskDto> {
  return (await presentTasks([task]))[0]
}

/** One task with its comments (oldest first) and checklist. */
export async function taskDetail(task: Task): Promise<TaskDetailDto> {
  const names = await staffNames()
  const [dto] = await presentTasks([task], names)
  const comments = await TaskComment.query().where('taskId', task.id).orderBy('createdAt').orderBy('id')
  const items = await ChecklistItem.query().where('taskId', task.id).orderBy('position').orderBy('createdAt')
  return {
    ...dto,
    comments: comments.map((comment) => ({
      id: comment.id,
      authorId: comment.authorUserId,
      authorName: names.get(comment.authorUserId) ?? 'Former user',
      body: comment.body,
      createdAt: comment.createdAt.toISO()!,
    })),
    checklistItems: items.map((item) => ({ id: item.id, taskId: item.taskId, label: item.label, done: item.done, position: item.position })),
  }
}
