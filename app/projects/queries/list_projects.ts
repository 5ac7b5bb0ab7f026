import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import { clientNames } from '#crm/public/clients'
import { dealTitles } from '#crm/public/deals'
import { listStaff } from '#core/public/users'
import { toProjectListItemDto, type ProjectListItemDto, type ProjectStatus } from '#projects/dtos/project'
import { projectBudgets, spendVisibleProjectIds } from '#projects/queries/project_budgets'

export interface ProjectFilters {
  status?: ProjectStatus
  clientId?: string
  managerId?: string
  /** Newest first by default; deadline soonest first (none last); burn highest first. */
  sort?: 'created' | 'deadline' | 'burn'
}

/** The projects the reader may see (RLS: owners all, managers theirs, members assigned ones). */
export async function listProjects(filters: ProjectFilters = {}): Promise<ProjectListItemDto[]> {
  const query = Project.query()
  if (filters.status) query.where('status', filters.status)
  if (filters.clientId) query.where('clientId', filters.clientId)
  if (filters.managerId) {
    query.whereIn('id', ProjectMember.query().select('project_id').where('userId', filters.managerId).where('role', 'manager'))
  }
  if (filters.sort === 'deadline') query.orderByRaw('deadline asc nulls last')
  const projects = await query.orderBy('createdAt', 'desc').orderBy('id')
  const related = await relatedNames(projects)
  const items = projects.map((project) => toProjectListItemDto(project, related))
  if (filters.sort === 'burn') items.sort((a, b) => (b.burnPercent ?? -1) - (a.burnPercent ?? -1))
  return items
}

/** Client names and deal titles come from crm's public readers; managers and budget burn from this module. */
export async function relatedNames(projects: Project[]) {
  const ids = projects.map((project) => project.id)
  const clients = await clientNames(projects.map((project) => project.clientId))
  const deals = await dealTitles(projects.flatMap((project) => (project.sourceDealId ? [project.sourceDealId] : [])))
  const staffNames = await staffNamesById()
  const managerRows = ids.length ? await ProjectMember.query().whereIn('projectId', ids).where('role', 'manager').orderBy('createdAt') : []
  const managers = new Map<string, Array<{ id: string; name: string }>>()
  for (const row of managerRows) {
    const list = managers.get(row.projectId) ?? []
    list.push({ id: row.userId, name: staffNames.get(row.userId) ?? 'Former user' })
    managers.set(row.projectId, list)
  }
  return { clients, deals, managers, budgets: await projectBudgets(await spendVisibleProjectIds(ids)) }
}

export async function staffNamesById() {
  return new Map((await listStaff()).map((user) => [user.id, user.name]))
}
