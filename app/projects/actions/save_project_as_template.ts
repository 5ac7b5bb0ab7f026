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

export interface SaveAsTemplate {
  projectId: string
  name: string
  description?: string | null
}

const days = (from: DateTime, date: string | null) =>
  date === null ? null : Math.max(0, Math.round(DateTime.fromISO(date, { zone: 'utc' }).diff(from, 'days').days))

/**
 * A project's milestones, tasks and dependencies become a template. Dates turn
 * into day offsets from the project's start date, or from its earliest task or
 * milestone date when it has none (so the first dated item lands on day 0).
 */
export default class SaveProjectAsTemplate {
  async handle({ projectId, name, description }: SaveAsTemplate) {
    const project = await Project.findOrFail(projectId)
    const milestones = await Milestone.query().where('projectId', project.id).orderBy('position').orderBy('dueDate')
    // Timeline order, so the template reads as the plan does.
    const tasks = await Task.query().where('projectId', project.id).orderByRaw('coalesce(start_date, due_date) asc nulls last').orderBy('position')
    const dependencies = await TaskDependency.query().where('projectId', project.id)

    const dates = [...tasks.flatMap((task) => [task.startDate, task.dueDate]), ...milestones.map((milestone) => milestone.dueDate)]
    const earliest = dates.filter((date): date is string => date !== null).sort()[0]
    const origin = DateTime.fromISO(project.startDate ?? earliest ?? DateTime.utc().toISODate()!, { zone: 'utc' })

    const template = await ProjectTemplate.create({
      name,
      description: description ?? project.description,
      billingType: project.billingType,
      budgetCents: null,
      budgetSeconds: project.budgetSeconds,
    })
    const milestoneIds = new Map<string, string>()
    for (const milestone of milestones) {
      const created = await TemplateMilestone.create({
        templateId: template.id,
        name: milestone.name,
        dueOffsetDays: days(origin, milestone.dueDate) ?? 0,
        amountCents: milestone.amountCents,
      })
      milestoneIds.set(milestone.id, created.id)
    }
    const taskIds = new Map<string, string>()
    for (const [position, task] of tasks.entries()) {
      const created = await TemplateTask.create({
        templateId: template.id,
        templateMilestoneId: task.milestoneId ? (milestoneIds.get(task.milestoneId) ?? null) : null,
        title: task.title,
        description: task.description,
        priority: task.priority,
        // A template starts fresh: every task is still to do.
        status: 'todo',
        estimateSeconds: task.estimateSeconds,
        startOffsetDays: days(origin, task.startDate),
        dueOffsetDays: days(origin, task.dueDate),
        position,
      })
      taskIds.set(task.id, created.id)
    }
    for (const dependency of dependencies) {
      await TemplateDependency.create({
        templateTaskId: taskIds.get(dependency.taskId)!,
        dependsOnTemplateTaskId: taskIds.get(dependency.dependsOnTaskId)!,
      })
    }
    await recordAudit({ entityType: 'project_template', entityId: template.id, action: 'created_from_project', after: { projectId: project.id, name } })
    return template
  }
}
