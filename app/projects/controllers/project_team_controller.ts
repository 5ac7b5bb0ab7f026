import type { HttpContext } from '@adonisjs/core/http'
import { AddProjectMember, RemoveProjectMember, UpdateProjectMember } from '#projects/actions/member_actions'
import Project from '#projects/models/project'
import ProjectPolicy from '#projects/policies/project_policy'
import { projectFormOptions } from '#projects/queries/project_form_options'
import { findMember, showProject } from '#projects/queries/show_project'
import { addMemberValidator, memberFieldsFrom, updateMemberValidator } from '#projects/validators/project'

/** The team tab: everyone on the project sees it; its managers and the owner change it. */
export default class ProjectTeamController {
  async index({ inertia, params, bouncer }: HttpContext) {
    const project = await showProject(params.id)
    const canManage = await bouncer.with(ProjectPolicy).allows('manage', project)
    const onTeam = new Set(project.team.map((member) => member.userId))
    const staff = canManage ? (await projectFormOptions()).staff.filter((user) => !onTeam.has(user.value)) : []
    return inertia.render('projects/team', { project, staff, can: { manage: canManage } })
  }

  async store({ params, request, response, bouncer, session }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    const input = await request.validateUsing(addMemberValidator)
    await new AddProjectMember().handle(project.id, input.userId, memberFieldsFrom(input))
    session.flash('success', 'Added to the team')
    return response.redirect(`/projects/${project.id}/team`)
  }

  async update({ params, request, response, bouncer, session }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    const input = await request.validateUsing(updateMemberValidator)
    await new UpdateProjectMember().handle(await findMember(project.id, params.userId), memberFieldsFrom(input))
    session.flash('success', 'Team member saved')
    return response.redirect(`/projects/${project.id}/team`)
  }

  async destroy({ params, response, bouncer, session }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    await new RemoveProjectMember().handle(await findMember(project.id, params.userId))
    session.flash('success', 'Removed from the team')
    return response.redirect(`/projects/${project.id}/team`)
  }
}
