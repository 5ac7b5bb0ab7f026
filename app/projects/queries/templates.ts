import { templateDetailDto, type TemplateDetailDto, type TemplateSummaryDto } from '#projects/dtos/template'
import ProjectTemplate from '#projects/models/project_template'
import TemplateDependency from '#projects/models/template_dependency'
import TemplateMilestone from '#projects/models/template_milestone'
import TemplateTask from '#projects/models/template_task'

/** The agency's templates by name, with how much each holds. */
export async function listTemplates(): Promise<TemplateSummaryDto[]> {
  const templates = await ProjectTemplate.query()
    .withCount('tasks', (query) => query.as('taskCount'))
    .withCount('milestones', (query) => query.as('milestoneCount'))
    .orderBy('name')
  return templates.map((template) => ({
    id: template.id,
    name: template.name,
    description: template.description,
    taskCount: Number(template.$extras.taskCount),
    milestoneCount: Number(template.$extras.milestoneCount),
    updatedAt: template.updatedAt.toISO()!,
  }))
}

/** One template with its milestones and tasks (in order) and each task's prerequisites. */
export async function showTemplate(id: string): Promise<TemplateDetailDto> {
  const template = await ProjectTemplate.findOrFail(id)
  const milestones = await TemplateMilestone.query().where('templateId', id).orderBy('dueOffsetDays').orderBy('name')
  const tasks = await TemplateTask.query().where('templateId', id).orderBy('position')
  const dependencies = await TemplateDependency.query().whereIn('templateTaskId', tasks.map((task) => task.id))
  const dependsOn = new Map<string, string[]>()
  for (const dependency of dependencies) {
    dependsOn.set(dependency.templateTaskId, [...(dependsOn.get(dependency.templateTaskId) ?? []), dependency.dependsOnTemplateTaskId])
  }
  return templateDetailDto(template, milestones, tasks, dependsOn)
}
