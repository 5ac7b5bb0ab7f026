/**
 * What the client portal shows of projects, as plain data read under the
 * caller's RLS: a signed-in contact (role `client`) reads their company's
 * projects, those projects' milestones and only the tasks flagged
 * `visible_to_client`. Progress is the project's real progress (every task,
 * as the team sees it): it is computed as trusted server code, but only for
 * projects the caller has just been shown to see.
 */
import { tenancy } from '#core/public/tenancy'
import Milestone from '#projects/models/milestone'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import { projectProgress } from '#projects/queries/project_progress'
import type { PortalActivity, PortalMilestone, PortalProjectDetail, PortalProjectSummary, PortalTask } from '#projects/public/portal_project_types'

export type * from '#projects/public/portal_project_types'

const NEXT_MILESTONES = 3
const RECENT_ACTIVITY = 10

function toPortalMilestone(milestone: Milestone): PortalMilestone {
  return {
    id: milestone.id,
    name: milestone.name,
    dueDate: milestone.dueDate,
    status: milestone.status,
    completedAt: milestone.completedAt?.toISO() ?? null,
  }
}

function toPortalTask(task: Task): PortalTask {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    milestoneId: task.milestoneId,
    dueDate: task.dueDate,
    completedAt: task.completedAt?.toISO() ?? null,
    updatedAt: task.updatedAt.toISO()!,
  }
}

/** Progress over every task of projects the caller already sees (ids from an RLS read). */
async function progressOfVisible(projectIds: string[]) {
  if (!projectIds.length) return new Map<string, number>()
  return tenancy.asSystem(() => projectProgress(projectIds))
}

/** The caller's projects (a contact: their company's), active work first, then by name. */
export async function portalProjects(clientId: string): Promise<PortalProjectSummary[]> {
  const projects = await Project.query()
    .where('clientId', clientId)
    .orderByRaw(`case status when 'active' then 0 when 'planning' then 1 when 'on_hold' then 2 else 3 end`)
    .orderByRaw('lower(name)')
    .orderBy('id')
  const ids = projects.map((project) => project.id)
  const milestones = ids.length
    ? await Milestone.query().whereIn('projectId', ids).where('status', 'open').orderByRaw('due_date asc nulls last').orderBy('position').orderBy('id')
    : []
  const progress = await progressOfVisible(ids)
  return projects.map((project) => ({
    id: project.id,
    name: project.name,
    status: project.status,
    progress: progress.get(project.id) ?? 0,
    startDate: project.startDate,
    deadline: project.deadline,
    nextMilestones: milestones
      .filter((milestone) => milestone.projectId === project.id)
      .slice(0, NEXT_MILESTONES)
      .map(toPortalMilestone),
  }))
}

/** One project of the caller's company with its timeline and visible tasks; null when RLS hides it (answer 404). */
export async function portalProject(clientId: string, projectId: string): Promise<PortalProjectDetail | null> {
  const project = await Project.query().where('id', projectId).where('clientId', clientId).first()
  if (!project) return null
  const milestones = await Milestone.query().where('projectId', project.id).orderByRaw('due_date asc nulls last').orderBy('position').orderBy('id')
  // RLS gives a contact only the tasks flagged for them; the flag is repeated here so a staff caller gets the same view.
  const tasks = await Task.query()
    .where('projectId', project.id)
    .where('visibleToClient', true)
    .orderByRaw(`case status when 'in_progress' then 0 when 'review' then 1 when 'todo' then 2 else 3 end`)
    .orderByRaw('due_date asc nulls last')
    .orderBy('position')
    .orderBy('id')
  const progress = await progressOfVisible([project.id])
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    status: project.status,
    progress: progress.get(project.id) ?? 0,
    startDate: project.startDate,
    deadline: project.deadline,
    milestones: milestones.map(toPortalMilestone),
    tasks: tasks.map(toPortalTask),
    recentActivity: recentActivity(tasks, milestones),
  }
}

/** What moved lately, newest first: visible tasks done or in motion, milestones reached. */
function recentActivity(tasks: Task[], milestones: Milestone[]): PortalActivity[] {
  const events: PortalActivity[] = []
  for (const task of tasks) {
    if (task.status === 'done' && task.completedAt) events.push({ kind: 'task_completed', title: task.title, at: task.completedAt.toISO()! })
    else if (task.status === 'in_progress' || task.status === 'review') {
      events.push({ kind: 'task_moved', title: task.title, status: task.status, at: task.updatedAt.toISO()! })
    }
  }
  for (const milestone of milestones) {
    if (milestone.status === 'completed' && milestone.completedAt) {
      events.push({ kind: 'milestone_completed', title: milestone.name, at: milestone.completedAt.toISO()! })
    }
  }
  return events.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, RECENT_ACTIVITY)
}
