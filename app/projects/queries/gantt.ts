import { clientNames } from '#crm/public/clients'
import type { GanttDto } from '#projects/dtos/gantt'
import Milestone from '#projects/models/milestone'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import TaskDependency from '#projects/models/task_dependency'

/** A project's tasks and milestones in date order, undated ones last (the page lists them apart). */
export async function ganttData(projectId: string): Promise<GanttDto> {
  const project = await Project.findOrFail(projectId)
  const [tasks, milestones, dependencies, clients] = [
    await Task.query().where('projectId', project.id).orderByRaw('coalesce(start_date, due_date) asc nulls last').orderBy('title'),
    await Milestone.query().where('projectId', project.id).orderByRaw('due_date asc nulls last').orderBy('position'),
    await TaskDependency.query().where('projectId', project.id),
    await clientNames([project.clientId]),
  ]
  return {
    project: {
      id: project.id,
      name: project.name,
      status: project.status,
      client: { id: project.clientId, name: clients.get(project.clientId) ?? null },
      startDate: project.startDate,
      deadline: project.deadline,
    },
    tasks: tasks.map((task) => ({
      id: task.id,
      title: task.title,
      status: task.status,
      startDate: task.startDate,
      dueDate: task.dueDate,
      milestoneId: task.milestoneId,
    })),
    milestones: milestones.map((milestone) => ({ id: milestone.id, name: milestone.name, status: milestone.status, dueDate: milestone.dueDate })),
    dependencies: dependencies.map(({ taskId, dependsOnTaskId }) => ({ taskId, dependsOnTaskId })),
  }
}

/** A task of this project (404 for another project's task, or one RLS hides). */
export function projectTask(projectId: string, taskId: string) {
  return Task.query().where({ id: taskId, projectId }).firstOrFail()
}
