import { clientNames } from '#crm/public/clients'
import Project from '#projects/models/project'

/** What ProjectWorkspace.vue needs (a project the user cannot see is a 404). */
export async function workspaceProject(projectId: string) {
  const project = await Project.findOrFail(projectId)
  const names = await clientNames([project.clientId])
  return {
    id: project.id,
    name: project.name,
    status: project.status,
    currency: project.currency,
    client: { id: project.clientId, name: names.get(project.clientId) ?? null },
  }
}
