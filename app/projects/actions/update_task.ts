import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import SetTaskDependencies from '#projects/actions/set_task_dependencies'
import { lockProjectTasks, renumberColumn } from '#projects/actions/task_board'
import { checkDates, checkReferences, estimateSeconds, type TaskInput } from '#projects/actions/task_inputs'
import Task from '#projects/models/task'

export interface UpdateTaskInput extends TaskInput {
  /** 0-based place in the (new) status column; the end of it when the status changes without one. */
  position?: number
}

/**
 * Edits a task: fields, a move on the board (status and/or position, both
 * columns stay dense), and the full set of its dependencies. The Gantt
 * reschedules through `startDate` / `dueDate`.
 */
export default class UpdateTask {
  async handle(taskOrId: Task | string, input: UpdateTaskInput) {
    const task = typeof taskOrId === 'string' ? await Task.findOrFail(taskOrId) : taskOrId
    await checkReferences(task.projectId, input)
    const startDate = input.startDate === undefined ? task.startDate : input.startDate
    const dueDate = input.dueDate === undefined ? task.dueDate : input.dueDate
    checkDates(startDate, dueDate)

    await lockProjectTasks(task.projectId)
    await task.refresh()
    const before = snapshot(task)
    const fromStatus = task.status
    const toStatus = input.status ?? task.status
    const moves = toStatus !== fromStatus || input.position !== undefined

    const estimate = estimateSeconds(input.estimateHours)
    task.merge({
      title: input.title ?? task.title,
      description: input.description === undefined ? task.description : input.description,
      priority: input.priority ?? task.priority,
      assigneeUserId: input.assigneeId === undefined ? task.assigneeUserId : input.assigneeId,
      startDate,
      dueDate,
      estimateSeconds: estimate === undefined ? task.estimateSeconds : estimate,
      milestoneId: input.milestoneId === undefined ? task.milestoneId : input.milestoneId,
      visibleToClient: input.visibleToClient ?? task.visibleToClient,
      status: toStatus,
    })
    if (toStatus !== fromStatus) task.completedAt = toStatus === 'done' ? DateTime.now() : null
    if (task.$isDirty) await task.save()

    if (moves) {
      await renumberColumn(task.projectId, toStatus, { taskId: task.id, index: input.position })
      if (toStatus !== fromStatus) await renumberColumn(task.projectId, fromStatus)
      await task.refresh()
    }
    const dependencies = input.dependsOn ? await new SetTaskDependencies().handle(task, input.dependsOn) : null

    const after = snapshot(task)
    const changed = Object.keys(after).filter((key) => before[key] !== after[key])
    if (changed.length || dependencies?.added.length || dependencies?.removed.length) {
      await recordAudit({
        entityType: 'task',
        entityId: task.id,
        action: 'updated',
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: { ...Object.fromEntries(changed.map((key) => [key, after[key]])), ...(dependencies ?? {}) },
      })
    }
    return task
  }
}

function snapshot(task: Task): Record<string, unknown> {
  return {
    title: task.title,
    description: task.description,
    status: task.status,
    position: task.position,
    priority: task.priority,
    assigneeUserId: task.assigneeUserId,
    startDate: task.startDate,
    dueDate: task.dueDate,
    estimateSeconds: task.estimateSeconds,
    milestoneId: task.milestoneId,
    visibleToClient: task.visibleToClient,
  }
}
