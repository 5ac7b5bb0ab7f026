import type { HttpContext } from '@adonisjs/core/http'
import { CompleteMilestone, CreateMilestone, DeleteMilestone, ReopenMilestone, UpdateMilestone } from '#projects/actions/milestones'
import { toMilestoneDto } from '#projects/dtos/milestone'
import Milestone from '#projects/models/milestone'
import Project from '#projects/models/project'
import TaskPolicy from '#projects/policies/task_policy'
import { listMilestones } from '#projects/queries/list_milestones'
import { createMilestoneValidator, updateMilestoneValidator } from '#projects/validators/milestone'

/** Milestones over the JSON API; the project's managers and the owner change them. */
export default class MilestonesController {
  async index({ params }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    return { milestones: await listMilestones(project.id) }
  }

  async store({ params, request, response, bouncer }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', project.id)
    const milestone = await new CreateMilestone().handle(project.id, await request.validateUsing(createMilestoneValidator))
    return response.created({ milestone: toMilestoneDto(milestone) })
  }

  async update({ params, request, bouncer }: HttpContext) {
    const milestone = await Milestone.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', milestone.projectId)
    const changes = await request.validateUsing(updateMilestoneValidator)
    return { milestone: toMilestoneDto(await new UpdateMilestone().handle(milestone, changes)) }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    const milestone = await Milestone.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', milestone.projectId)
    await new DeleteMilestone().handle(milestone)
    return response.noContent()
  }

  async complete({ params, bouncer }: HttpContext) {
    const milestone = await Milestone.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', milestone.projectId)
    return { milestone: toMilestoneDto(await new CompleteMilestone().handle(milestone.id)) }
  }

  async reopen({ params, bouncer }: HttpContext) {
    const milestone = await Milestone.findOrFail(params.id)
    await bouncer.with(TaskPolicy).authorize('manage', milestone.projectId)
    return { milestone: toMilestoneDto(await new ReopenMilestone().handle(milestone.id)) }
  }
}
