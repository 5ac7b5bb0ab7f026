import type { HttpContext } from '@adonisjs/core/http'
import { AddProjectMember, RemoveProjectMember, UpdateProjectMember } from '#projects/actions/member_actions'
import Project from '#projects/models/project'
import ProjectPolicy from '#projects/policies/project_policy'
import { findMember, projectTeam } from '#projects/queries/show_project'
import { addMemberValidator, memberFieldsFrom, updateMemberValidator } from '#projects/validators/project'

/** A project's team over the API: anyone on the project reads it, its managers and the owner change it. */
export default class ProjectMembersController {
  async index({ params }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    return { members: await projectTeam(project.id) }
  }

  async store({ params, request, response, bouncer }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    const input = await request.validateUsing(addMemberValidator)
    await new AddProjectMember().handle(project.id, input.userId, memberFieldsFrom(input))
    return response.created({ member: await teamMember(project.id, input.userId) })
  }

  async update({ params, request, bouncer }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    const member = await findMember(project.id, params.userId)
    const input = await request.validateUsing(updateMemberValidator)
    await new UpdateProjectMember().handle(member, memberFieldsFrom(input))
    return { member: await teamMember(project.id, member.userId) }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    await new RemoveProjectMember().handle(await findMember(project.id, params.userId))
    return response.noContent()
  }
}

async function teamMember(projectId: string, userId: string) {
  return (await projectTeam(projectId)).find((member) => member.userId === userId)!
}
