import { tenancy } from '#core/public/tenancy'
import type Task from '#projects/models/task'
import TaskComment from '#projects/models/task_comment'

/** A comment by the signed-in user on a task. */
export class AddTaskComment {
  async handle(task: Task, body: string) {
    const authorUserId = tenancy.current()?.userId
    if (!authorUserId) throw new Error('Comments need a signed-in author')
    return TaskComment.create({ projectId: task.projectId, taskId: task.id, authorUserId, body })
  }
}
