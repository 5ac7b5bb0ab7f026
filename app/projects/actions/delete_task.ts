import { recordAudit } from '#core/public/audit'
import { lockProjectTasks, renumberColumn } from '#projects/actions/task_board'
import Task from '#projects/models/task'

/** Deletes a task (its comments, checklist and dependencies go with it); its column closes the gap. */
export default class DeleteTask {
  async handle(task: Task) {
    await lockProjectTasks(task.projectId)
    await task.delete()
    await renumberColumn(task.projectId, task.status)
    await recordAudit({ entityType: 'task', entityId: task.id, action: 'deleted', before: { projectId: task.projectId, title: task.title } })
  }
}
