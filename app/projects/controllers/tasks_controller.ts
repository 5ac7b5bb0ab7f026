import type { HttpContext } from '@adonisjs/core/http'
import { flashingConflicts } from '#core/public/http'
import { AddChecklistItem, DeleteChecklistItem, UpdateChecklistItem } from '#projects/actions/checklist'
import CreateTask from '#projects/actions/create_task'
import DeleteTask from '#projects/actions/delete_task'
import { AddTaskComment } from '#projects/actions/task_comments'
import UpdateTask from '#projects/actions/update_task'
import ChecklistItem from '#projects/models/checklist_item'
import Task from '#projects/models/task'
import TaskPolicy from '#projects/policies/task_policy'
import { listTasks, taskBoard } from '#projects/queries/list_tasks'
import { taskFormOptions } from '#projects/queries/task_form_options'
import { workspaceProject } from '#projects/queries/workspace_project'
import {
  commentValidator,
  createChecklistItemValidator,
  createTaskValidator,
  listTasksValidator,
  updateChecklistItemValidator,
  updateTaskValidator,
} from '#projects/validators/task'

/** The board and list pages of a project, and the task writes they make (back to the page with its query: filters, open task). */
export default class TasksController {
  async board(ctx: HttpContext) {
    const project = await workspaceProject(ctx.params.id)
    return ctx.inertia.render('projects/board', {
      ...(await this.shared(ctx, project.id)),
      project,
      columns: await taskBoard(project.id),
    })
  }

  async list(ctx: HttpContext) {
    const project = await workspaceProject(ctx.params.id)
    const filters = await listTasksValidator.validate(ctx.request.qs())
    return ctx.inertia.render('projects/tasks', {
      ...(await this.shared(ctx, project.id)),
      project,
      filters,
      list: await listTasks(project.id, filters),
    })
  }

  /** What both views need: form choices, the task opened in the dialog (`?task=`), and who may do what. */
  private async shared({ request, auth, bouncer }: HttpContext, projectId: string) {
    return {
      ...(await taskFormOptions(projectId, request.qs().task)),
      canManage: await bouncer.with(TaskPolicy).allows('manage', projectId),
      canWork: await bouncer.with(TaskPolicy).allows('work', projectId),
      userId: auth.user!.id,
    }
  }

  async store({ params, request, response, bouncer, session }: HttpContext) {
    const project = await workspaceProject(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', project.id)
    const task = await new CreateTask().handle(project.id, await request.validateUsing(createTaskValidator))
    session.flash('success', `Task “${task.title}” added`)
    return response.redirect().withQs().back()
  }

  async update(ctx: HttpContext) {
    const task = await Task.findOrFail(ctx.params.id)
    const changes = await ctx.request.validateUsing(updateTaskValidator)
    await ctx.bouncer.with(TaskPolicy).authorize('change', task, changes)
    return flashingConflicts(ctx, async () => {
      await new UpdateTask().handle(task, changes)
      return ctx.response.redirect().withQs().back()
    })
  }

  async destroy({ params, response, bouncer, session }: HttpContext) {
    const task = await Task.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', task.projectId)
    await new DeleteTask().handle(task)
    session.flash('success', `Task “${task.title}” deleted`)
    return response.redirect(`/projects/${task.projectId}/board`)
  }

  async comment({ params, request, response, bouncer }: HttpContext) {
    const task = await Task.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('work', task.projectId)
    await new AddTaskComment().handle(task, (await request.validateUsing(commentValidator)).body)
    return response.redirect().withQs().back()
  }

  async addChecklistItem({ params, request, response, bouncer }: HttpContext) {
    const task = await Task.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', task.projectId)
    await new AddChecklistItem().handle(task, (await request.validateUsing(createChecklistItemValidator)).label)
    return response.redirect().withQs().back()
  }

  async updateChecklistItem({ params, request, response, bouncer }: HttpContext) {
    const item = await ChecklistItem.findOrFail(params.id)
    const changes = await request.validateUsing(updateChecklistItemValidator)
    await bouncer.with(TaskPolicy).authorize(changes.label === undefined ? 'work' : 'manage', item.projectId)
    await new UpdateChecklistItem().handle(item, changes)
    return response.redirect().withQs().back()
  }

  async destroyChecklistItem({ params, response, bouncer }: HttpContext) {
    const item = await ChecklistItem.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', item.projectId)
    await new DeleteChecklistItem().handle(item)
    return response.redirect().withQs().back()
  }
}
