/**
 * Projects as Reports needs them, as plain data read under the caller's RLS:
 * the projects a report covers (with budget) and who is on their teams.
 */
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'

export interface ReportProject {
  projectId: string
  name: string
  clientId: string
  currency: string
  /** A category such as "Web design"; null when not set. */
  serviceType: string | null
  /** Minor units of `currency`; null when the project has no money budget. */
  budgetCents: number | null
}

/** The caller's visible projects by name, or only `projectIds` of them when given. */
export async function reportProjects(filter: { projectIds?: string[] } = {}): Promise<ReportProject[]> {
  if (filter.projectIds && filter.projectIds.length === 0) return []
  const query = Project.query().orderBy('name').orderBy('id')
  if (filter.projectIds) query.whereIn('id', filter.projectIds)
  return (await query).map((project) => ({
    projectId: project.id,
    name: project.name,
    clientId: project.clientId,
    currency: project.currency,
    serviceType: project.serviceType ?? null,
    budgetCents: project.budgetCents === null ? null : Number(project.budgetCents),
  }))
}

/** Everyone on the teams of these projects (managers and members), once each. */
export async function projectTeamIds(projectIds: string[]): Promise<string[]> {
  if (projectIds.length === 0) return []
  const rows = await ProjectMember.query().select('userId').whereIn('projectId', projectIds)
  return [...new Set(rows.map((row) => row.userId))]
}
