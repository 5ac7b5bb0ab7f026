import Project from '#projects/models/project'
import { clientNames } from '#crm/public/clients'
import { dealTitles } from '#crm/public/deals'
import { toProjectListItemDto, type ProjectListItemDto } from '#projects/dtos/project'

/** The projects the reader may see, newest first: RLS gives members only their assigned ones. */
export async function listProjects(): Promise<ProjectListItemDto[]> {
  const projects = await Project.query().orderBy('createdAt', 'desc').orderBy('id')
  const names = await relatedNames(projects)
  return projects.map((project) => toProjectListItemDto(project, names))
}

/** Client names and source-deal titles come from crm's public readers, never its tables. */
export async function relatedNames(projects: Project[]) {
  const clients = await clientNames(projects.map((project) => project.clientId))
  const deals = await dealTitles(projects.flatMap((project) => (project.sourceDealId ? [project.sourceDealId] : [])))
  return { clients, deals }
}
