/**
 * A person's open tasks that are due soon (or already late), for dashboards,
 * as plain data read under the caller's RLS.
 */
import Project from '#projects/models/project'
import Task from '#projects/models/task'

export interface DueTask {
  taskId: string
  title: string
  projectId: string
  projectName: string
  status: string
  priority: string
  dueDate: string
}

/** Open tasks assigned to `userId` due on or before `until` ('YYYY-MM-DD'), soonest first. */
export async function tasksDueBy(userId: string, until: string, limit = 20): Promise<DueTask[]> {
  const tasks = await Task.query()
    .where('assigneeUserId', userId)
    .whereNot('status', 'done')
    .whereNotNull('dueDate')
    .where('dueDate', '<=', until)
    .orderBy('dueDate')
    .orderBy('title')
    .limit(limit)
  if (tasks.length === 0) return []
  const projects = await Project.query().select('id', 'name').whereIn('id', [...new Set(tasks.map((task) => task.projectId))])
  const names = new Map(projects.map((project) => [project.id, project.name]))
  return tasks.map((task) => ({
    taskId: task.id,
    title: task.title,
    projectId: task.projectId,
    projectName: names.get(task.projectId) ?? '',
    status: task.status,
    priority: task.priority,
    dueDate: String(task.dueDate),
  }))
}
