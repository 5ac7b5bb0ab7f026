import type { HttpContext } from '@adonisjs/core/http'
import { AddChecklistItem, DeleteChecklistItem, UpdateChecklistItem } from '#projects/actions/checklist'
import CreateTask from '#projects/actions/create_task'
import DeleteTask from '#projects/actions/delete_task'
import { AddTaskComment } from '#projects/actions/task_comments'
import UpdateTask from '#projects/actions/update_task'
import ChecklistItem from '#projects/models/checklist_item'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import TaskPolicy from '#projects/policies/task_policy'
import { listTasks } from '#projects/queries/list_tasks'
import { presentTask, staffNames, taskDetail } from '#projects/queries/present_tasks'
import {
  commentValidator,
  createChecklistItemValidator,
  createTaskValidator,
  listTasksValidator,
  updateChecklistItemValidator,
  updateTaskValidator,
} from '#projects/validators/task'

/** Tasks, comments and checklists over the JSON API (PRODUCT.md §3). A task the user cannot see is a 404 (RLS). */
export default class TasksController {
  async index({ params, request }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    return listTasks(project.id, await listTasksValidator.validate(request.qs()))
  }

  async store({ params, request, response, bouncer }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', project.id)
    const task = await new CreateTask().handle(project.id, await request.validateUsing(createTaskValidator))
    return response.created({ task: await presentTask(task) })
  }

  async show({ params }: HttpContext) {
    return { task: await taskDetail(await Task.findOrFail(params.id)) }
  }

  async update({ params, request, bouncer }: HttpContext) {
    const task = await Task.findOrFail(params.id)
    const changes = await request.validateUsing(updateTaskValidator)
    await bouncer.with(TaskPolicy).authorize('change', task, changes)
    return { task: await presentTask(await new UpdateTask().handle(task, changes)) }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    const task = await Task.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', task.projectId)
    await new DeleteTask().handle(task)
    return response.noContent()
  }

  async comment({ params, request, response, bouncer }: HttpContext) {
    const task = await Task.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('work', task.projectId)
    const { body } = await request.validateUsing(commentValidator)
    const comment = await new AddTaskComment().handle(task, body)
    const names = await staffNames()
    return response.created({
      comment: {
        id: comment.id,
        authorId: comment.authorUserId,
        authorName: names.get(comment.authorUserId) ?? 'Former user',
        body: comment.body,
        createdAt: comment.createdAt.toISO(),
      },
    })
  }

  async addChecklistItem({ params, request, response, bouncer }: HttpContext) {
    const task = await Task.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', task.projectId)
    const { label } = await request.validateUsing(createChecklistItemValidator)
    return response.created({ item: checklistItemDto(await new AddChecklistItem().handle(task, label)) })
  }

  async updateChecklistItem({ params, request, bouncer }: HttpContext) {
    const item = await ChecklistItem.findOrFail(params.id)
    const changes = await request.validateUsing(updateChecklistItemValidator)
    // Ticking is teamwork; renaming is the managers'.
    await bouncer.with(TaskPolicy).authorize(changes.label === undefined ? 'work' : 'manage', item.projectId)
    return { item: checklistItemDto(await new UpdateChecklistItem().handle(item, changes)) }
  }

  async destroyChecklistItem({ params, response, bouncer }: HttpContext) {
    const item = await ChecklistItem.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', item.projectId)
    await new DeleteChecklistItem().handle(item)
    return response.noContent()
  }
}

function checklistItemDto(item: ChecklistItem) {
  return { id: item.id, taskId: item.taskId, label: item.label, done: item.done, position: item.position }
}
