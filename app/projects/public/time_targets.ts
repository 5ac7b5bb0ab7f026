/**
 * What Time needs to know about a project before anyone logs time on it,
 * as plain data: whether it takes time (status), its currency, whether its
 * time is billable by default, and who is on its team. Read under the
 * caller's RLS, so a project the caller cannot see is simply absent.
 */
import Project, { type ProjectStatus } from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import Task from '#projects/models/task'

export interface TimeTarget {
  projectId: string
  name: string
  clientId: string
  status: ProjectStatus
  currency: string
  billableByDefault: boolean
}

export interface TimeTargetOption extends TimeTarget {
  tasks: Array<{ id: string; title: string }>
}

function toTarget(project: Project): TimeTarget {
  return {
    projectId: project.id,
    name: project.name,
    clientId: project.clientId,
    status: project.status,
    currency: project.currency,
    billableByDefault: project.billableByDefault,
  }
}

export async function timeTarget(projectId: string): Promise<TimeTarget | null> {
  const project = await Project.find(projectId)
  return project ? toTarget(project) : null
}

/** Whether `userId` is on the project's team (time is logged only on assigned projects). */
export async function isAssigned(projectId: string, userId: string): Promise<boolean> {
  return (await ProjectMember.query().where('projectId', projectId).where('userId', userId).first()) !== null
}

/** Whether the task exists in that project. */
export async function taskInProject(projectId: string, taskId: string): Promise<boolean> {
  return (await Task.query().where('id', taskId).where('projectId', projectId).first()) !== null
}

/** The projects `userId` may log time on (assigned, not completed), with their open tasks, by name. */
export async function loggableProjects(userId: string): Promise<TimeTargetOption[]> {
  const projects = await Project.query()
    .whereIn('id', ProjectMember.query().select('projectId').where('userId', userId))
    .whereNot('status', 'completed')
    .orderBy('name')
  if (projects.length === 0) return []
  const tasks = await Task.query()
    .select('id', 'title', 'projectId')
    .whereIn('projectId', projects.map((project) => project.id))
    .whereNot('status', 'done')
    .orderBy('position')
  return projects.map((project) => ({
    ...toTarget(project),
    tasks: tasks.filter((task) => task.projectId === project.id).map(({ id, title }) => ({ id, title })),
  }))
}

/** Names of projects and tasks, for lists of time (ids the caller cannot see are absent). */
export async function projectNames(projectIds: string[]): Promise<Map<string, { name: string; clientId: string }>> {
  if (projectIds.length === 0) return new Map()
  const projects = await Project.query().select('id', 'name', 'clientId').whereIn('id', [...new Set(projectIds)])
  return new Map(projects.map((project) => [project.id, { name: project.name, clientId: project.clientId }]))
}

export async function taskTitles(taskIds: string[]): Promise<Map<string, string>> {
  if (taskIds.length === 0) return new Map()
  const tasks = await Task.query().select('id', 'title').whereIn('id', [...new Set(taskIds)])
  return new Map(tasks.map((task) => [task.id, task.title]))
}

/** The projects `userId` manages (project role manager); the owner manages all, decided by the caller. */
export async function managedProjectIds(userId: string): Promise<string[]> {
  const rows = await ProjectMember.query().select('projectId').where('userId', userId).where('role', 'manager')
  return rows.map((row) => row.projectId)
}

/** Managers of a project (project role manager), e.g. to tell them a week waits for approval. */
export async function projectManagerIds(projectId: string): Promise<string[]> {
  const rows = await ProjectMember.query().select('userId').where('projectId', projectId).where('role', 'manager')
  return rows.map((row) => row.userId)
}
