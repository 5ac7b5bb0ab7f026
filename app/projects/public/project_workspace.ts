/**
 * For a higher module that serves a tab of the project workspace (the
 * portal's Files tab): the workspace header as plain data, and whether a
 * staff user runs the project (owner, or one of its managers). Read under
 * the caller's RLS: a project they cannot see is null.
 */
import type { StaffIdentity } from '#core/public/users'
import Project, { type ProjectStatus } from '#projects/models/project'
import { managesProject } from '#projects/policies/project_policy'
import { workspaceProject } from '#projects/queries/workspace_project'

export interface WorkspaceHeader {
  id: string
  name: string
  status: ProjectStatus
  currency: string
  clientId: string
  client: { id: string; name: string | null }
}

export async function workspaceHeader(projectId: string): Promise<WorkspaceHeader | null> {
  if (!(await Project.find(projectId))) return null
  const project = await workspaceProject(projectId)
  return { ...project, clientId: project.client.id }
}

/** The owner runs every project; a manager runs the projects they manage. */
export async function runsProject(user: StaffIdentity, projectId: string): Promise<boolean> {
  if (user.role === 'owner') return true
  return user.role === 'manager' && (await managesProject(user.id, projectId))
}
