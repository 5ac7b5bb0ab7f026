import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import Milestone from '#projects/models/milestone'
import Project from '#projects/models/project'
import ProjectTemplate from '#projects/models/project_template'
import Task from '#projects/models/task'
import TaskDependency from '#projects/models/task_dependency'
import TemplateDependency from '#projects/models/template_dependency'
import TemplateMilestone from '#projects/models/template_milestone'
import TemplateTask from '#projects/models/template_task'

const addDays = (start: string, days: number | null) =>
  days === null ? null : DateTime.fromISO(start, { zone: 'utc' }).plus({ days }).toISODate()!

/**
 * Copies a template's milestones, tasks and dependencies into a project, with
 * dates = start + offsets. Runs in the caller's transaction, so a project made
 * from a template appears whole or not at all.
 */
export default class ApplyTemplate {
  async handle(projectId: string, templateId: string, startDate: string) {
    const project = await Project.findOrFail(projectId)
    const template = await ProjectTemplate.findOrFail(templateId)
    const milestones = await TemplateMilestone.query().where('templateId', template.id).orderBy('dueOffsetDays').orderBy('name')
    const tasks = await TemplateTask.query().where('templateId', template.id).orderBy('position').orderBy('title')
    const dependencies = await TemplateDependency.query().whereIn('templateTaskId', tasks.map((task) => task.id))

    const milestoneIds = new Map<string, string>()
    for (const [position, milestone] of milestones.entries()) {
      const created = await Milestone.create({
        projectId: project.id,
        name: milestone.name,
        dueDate: addDays(startDate, milestone.dueOffsetDays),
        amountCents: milestone.amountCents,
        status: 'open',
        position,
      })
      milestoneIds.set(milestone.id, created.id)
    }

    // Board positions are dense per status column, in the template's order.
    const nextPosition = new Map<string, number>()
    const taskIds = new Map<string, string>()
    for (const task of tasks) {
      const position = nextPosition.get(task.status) ?? 0
      nextPosition.set(task.status, position + 1)
      const created = await Task.create({
        projectId: project.id,
        milestoneId: task.templateMilestoneId ? milestoneIds.get(task.templateMilestoneId)! : null,
        title: task.title,
        description: task.description,
        status: task.status as Task['status'],
        priority: task.priority as Task['priority'],
        position,
        startDate: addDays(startDate, task.startOffsetDays),
        dueDate: addDays(startDate, task.dueOffsetDays),
        estimateSeconds: task.estimateSeconds,
        completedAt: task.status === 'done' ? DateTime.now() : null,
      })
      taskIds.set(task.id, created.id)
    }
    for (const dependency of dependencies) {
      await TaskDependency.create({
        projectId: project.id,
        taskId: taskIds.get(dependency.templateTaskId)!,
        dependsOnTaskId: taskIds.get(dependency.dependsOnTemplateTaskId)!,
      })
    }
    await recordAudit({
      entityType: 'project',
      entityId: project.id,
      action: 'template_applied',
      after: { templateId: template.id, startDate, tasks: tasks.length, milestones: milestones.length },
    })
  }
}
