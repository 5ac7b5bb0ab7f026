import { fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { lockProjectTasks } from '#projects/actions/task_board'
import Task from '#projects/models/task'
import TaskDependency from '#projects/models/task_dependency'

/**
 * Replaces the tasks `task` waits for (finish-to-start). Refuses another
 * project's task, the task itself, and any dependency that would close a
 * cycle (A→B→A, A→B→C→A…): 422 on `dependsOn`, and nothing is written since
 * the request's transaction rolls back. Runs under the project's task lock so
 * two concurrent adds cannot each pass the check and together form a cycle.
 */
export default class SetTaskDependencies {
  async handle(task: Task, dependsOn: string[]) {
    const wanted = [...new Set(dependsOn)]
    if (wanted.includes(task.id)) fieldError('dependsOn', 'A task cannot depend on itself', 'cycle')
    await lockProjectTasks(task.projectId)

    const prerequisites = wanted.length
      ? await Task.query().whereIn('id', wanted).where('projectId', task.projectId).select('id', 'title')
      : []
    if (prerequisites.length !== wanted.length) {
      fieldError('dependsOn', 'A task can depend only on other tasks of the same project', 'exists')
    }

    const current = await TaskDependency.query().where('taskId', task.id)
    const currentIds = new Set(current.map((d) => d.dependsOnTaskId))
    const removed = current.filter((d) => !wanted.includes(d.dependsOnTaskId)).map((d) => d.dependsOnTaskId)
    if (removed.length) await TaskDependency.query().where('taskId', task.id).whereIn('dependsOnTaskId', removed).delete()

    for (const prerequisite of prerequisites) {
      if (currentIds.has(prerequisite.id)) continue
      if (await reaches(prerequisite.id, task.id)) {
        fieldError(
          'dependsOn',
          `“${task.title}” cannot depend on “${prerequisite.title}”: “${prerequisite.title}” already depends on “${task.title}”, so this would make a cycle`,
          'cycle'
        )
      }
      await TaskDependency.create({ projectId: task.projectId, taskId: task.id, dependsOnTaskId: prerequisite.id })
    }
    return { added: prerequisites.filter((p) => !currentIds.has(p.id)).map((p) => p.id), removed }
  }
}

/** Whether `from` waits, directly or through other tasks, for `to`. */
async function reaches(from: string, to: string) {
  const { rows } = await tenancy.client().rawQuery(
    `with recursive waits_for(id) as (
       select depends_on_task_id from task_dependencies where task_id = ?
       union
       select d.depends_on_task_id from task_dependencies d join waits_for w on d.task_id = w.id
     )
     select exists (select 1 from waits_for where id = ?) as cycle`,
    [from, to]
  )
  return rows[0].cycle === true
}
