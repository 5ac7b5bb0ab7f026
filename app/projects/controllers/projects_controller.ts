import type { HttpContext } from '@adonisjs/core/http'
import { listProjects } from '#projects/queries/list_projects'
import { showProject } from '#projects/queries/show_project'

/** Read-only project pages; what each user sees is decided by RLS (members: assigned projects only). */
export default class ProjectsController {
  async index({ inertia }: HttpContext) {
    return inertia.render('projects/index', { projects: await listProjects() })
  }

  async show({ inertia, params }: HttpContext) {
    return inertia.render('projects/show', { project: await showProject(params.id) })
  }
}
