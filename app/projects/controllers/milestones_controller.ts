import type { HttpContext } from '@adonisjs/core/http'
import { flashingConflicts } from '#core/public/http'
import { CompleteMilestone, CreateMilestone, DeleteMilestone, ReopenMilestone, UpdateMilestone } from '#projects/actions/milestones'
import Milestone from '#projects/models/milestone'
import TaskPolicy from '#projects/policies/task_policy'
import { listMilestones } from '#projects/queries/list_milestones'
import { taskOptions } from '#projects/queries/list_tasks'
import { workspaceProject } from '#projects/queries/workspace_project'
import { createMilestoneValidator, updateMilestoneValidator } from '#projects/validators/milestone'

/** The milestones tab and its writes (redirecting back). */
export default class MilestonesController {
  async index({ params, inertia, bouncer }: HttpContext) {
    const project = await workspaceProject(params.id)
    return inertia.render('projects/milestones', {
      project,
      milestones: await listMilestones(project.id),
      taskOptions: await taskOptions(project.id),
      canManage: await bouncer.with(TaskPolicy).allows('manage', project.id),
    })
  }

  async store({ params, request, response, bouncer, session }: HttpContext) {
    const project = await workspaceProject(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', project.id)
    const milestone = await new CreateMilestone().handle(project.id, await request.validateUsing(createMilestoneValidator))
    session.flash('success', `Milestone “${milestone.name}” added`)
    return response.redirect().back()
  }

  async update({ params, request, response, bouncer, session }: HttpContext) {
    const milestone = await Milestone.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', milestone.projectId)
    await new UpdateMilestone().handle(milestone, await request.validateUsing(updateMilestoneValidator))
    session.flash('success', `Milestone “${milestone.name}” saved`)
    return response.redirect().back()
  }

  async destroy(ctx: HttpContext) {
    const milestone = await Milestone.findOrFail(ctx.params.id)
    await ctx.bouncer.with(TaskPolicy).authorize('manage', milestone.projectId)
    return flashingConflicts(ctx, async () => {
      await new DeleteMilestone().handle(milestone)
      ctx.session.flash('success', `Milestone “${milestone.name}” deleted`)
      return ctx.response.redirect().back()
    })
  }

  async complete(ctx: HttpContext) {
    const milestone = await Milestone.findOrFail(ctx.params.id)
    await ctx.bouncer.with(TaskPolicy).authorize('manage', milestone.projectId)
    return flashingConflicts(ctx, async () => {
      await new CompleteMilestone().handle(milestone.id)
      ctx.session.flash('success', `Milestone “${milestone.name}” completed`)
      return ctx.response.redirect().back()
    })
  }

  async reopen(ctx: HttpContext) {
    const milestone = await Milestone.findOrFail(ctx.params.id)
    await ctx.bouncer.with(TaskPolicy).authorize('manage', milestone.projectId)
    return flashingConflicts(ctx, async () => {
      await new ReopenMilestone().handle(milestone.id)
      ctx.session.flash('success', `Milestone “${milestone.name}” reopened`)
      return ctx.response.redirect().back()
    })
  }
}
