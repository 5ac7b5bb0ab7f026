import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { tenancy } from '#core/public/tenancy'
import SetTaskDependencies from '#projects/actions/set_task_dependencies'
import { lockProjectTasks, nextPosition } from '#projects/actions/task_board'
import { checkDates, checkReferences, estimateSeconds, type TaskInput } from '#projects/actions/task_inputs'
import Project from '#projects/models/project'
import Task from '#projects/models/task'

/** A new task at the end of its status column, with its dependencies. */
export default class CreateTask {
  async handle(projectId: string, input: TaskInput & { title: string }) {
    const project = await Project.findOrFail(projectId)
    await checkReferences(project.id, input)
    checkDates(input.startDate ?? null, input.dueDate ?? null)
    await lockProjectTasks(project.id)
    const status = input.status ?? 'todo'
    const task = await Task.create({
      projectId: project.id,
      title: input.title,
      description: input.description ?? null,
      status,
      position: await nextPosition(project.id, status),
      priority: input.priority ?? 'medium',
      assigneeUserId: input.assigneeId ?? null,
      startDate: input.startDate ?? null,
      dueDate: input.dueDate ?? null,
      estimateSeconds: estimateSeconds(input.estimateHours) ?? null,
      milestoneId: input.milestoneId ?? null,
      visibleToClient: input.visibleToClient ?? false,
      completedAt: status === 'done' ? DateTime.now() : null,
      createdBy: tenancy.current()?.userId ?? null,
    })
    if (input.dependsOn?.length) await new SetTaskDependencies().handle(task, input.dependsOn)
    await recordAudit({
      entityType: 'task',
      entityId: task.id,
      action: 'created',
      after: { projectId: project.id, title: task.title, status, dependsOn: input.dependsOn ?? [] },
    })
    return task
  }
}
