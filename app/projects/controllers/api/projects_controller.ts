import type { HttpContext } from '@adonisjs/core/http'
import { listProjects } from '#projects/queries/list_projects'
import { showProject } from '#projects/queries/show_project'

/** Projects over the JSON API, read-only until the Projects module's writes exist; RLS scopes them. */
export default class ProjectsController {
  async index() {
    return { projects: await listProjects() }
  }

  async show({ params }: HttpContext) {
    return { project: await showProject(params.id) }
  }
}
