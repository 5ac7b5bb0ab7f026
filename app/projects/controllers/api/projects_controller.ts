import type { HttpContext } from '@adonisjs/core/http'
import CreateProject from '#projects/actions/create_project'
import UpdateProject from '#projects/actions/update_project'
import Project from '#projects/models/project'
import ProjectPolicy from '#projects/policies/project_policy'
import { listProjects } from '#projects/queries/list_projects'
import { showProject } from '#projects/queries/show_project'
import {
  createProjectValidator,
  projectFieldsFrom,
  projectFiltersValidator,
  updateProjectValidator,
} from '#projects/validators/project'

/** Projects over the JSON API; RLS decides which exist for the caller, the policy who may change them. */
export default class ProjectsController {
  async index({ request }: HttpContext) {
    const filters = await projectFiltersValidator.validate(request.qs())
    return { projects: await listProjects(filters) }
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('create')
    const input = await request.validateUsing(createProjectValidator)
    const project = await new CreateProject().handle({
      ...projectFieldsFrom(input),
      name: input.name,
      clientId: input.clientId,
      managerIds: input.managerIds,
    })
    return response.created({ project: await showProject(project.id) })
  }

  async show({ params }: HttpContext) {
    return { project: await showProject(params.id) }
  }

  async update({ params, request, bouncer }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    const input = await request.validateUsing(updateProjectValidator)
    await new UpdateProject().handle(project, { ...projectFieldsFrom(input), status: input.status })
    return { project: await showProject(project.id) }
  }
}
