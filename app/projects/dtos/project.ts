import type Project from '#projects/models/project'
import type { ProjectStatus } from '#projects/models/project'

export type { ProjectStatus }

/** A row of the projects list. Money in minor units of `currency`. */
export interface ProjectListItemDto {
  id: string
  name: string
  status: ProjectStatus
  budget: number | null
  currency: string
  client: { id: string; name: string | null }
  /** Null when the project did not come from a deal, or the reader may not see deals. */
  sourceDeal: { id: string; title: string } | null
  createdAt: string
}

export interface ProjectTeamMemberDto {
  userId: string
  name: string
  role: 'manager' | 'member'
}

export interface ProjectDetailDto extends ProjectListItemDto {
  description: string | null
  team: ProjectTeamMemberDto[]
}

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  planning: 'Planning',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
}

export function toProjectListItemDto(
  project: Project,
  names: { clients: Map<string, string>; deals: Map<string, string> }
): ProjectListItemDto {
  const dealTitle = project.sourceDealId ? names.deals.get(project.sourceDealId) : undefined
  return {
    id: project.id,
    name: project.name,
    status: project.status,
    budget: project.budgetCents,
    currency: project.currency,
    client: { id: project.clientId, name: names.clients.get(project.clientId) ?? null },
    sourceDeal: project.sourceDealId && dealTitle ? { id: project.sourceDealId, title: dealTitle } : null,
    createdAt: project.createdAt.toISO()!,
  }
}
