import type ProjectTemplate from '#projects/models/project_template'
import type TemplateMilestone from '#projects/models/template_milestone'
import type TemplateTask from '#projects/models/template_task'

export interface TemplateSummaryDto {
  id: string
  name: string
  description: string | null
  taskCount: number
  milestoneCount: number
  updatedAt: string
}

export interface TemplateDetailDto {
  id: string
  name: string
  description: string | null
  billingType: 'hourly' | 'fixed' | 'retainer' | null
  /** Minor units; null: a won deal's value (or the form's budget) is used. */
  budget: number | null
  budgetHours: number | null
  milestones: { id: string; name: string; dueOffsetDays: number; amount: number | null }[]
  tasks: {
    id: string
    title: string
    description: string | null
    priority: string
    status: string
    estimateHours: number | null
    startOffsetDays: number | null
    dueOffsetDays: number | null
    milestoneId: string | null
    dependsOn: string[]
  }[]
}

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 100) / 100)

export function templateDetailDto(
  template: ProjectTemplate,
  milestones: TemplateMilestone[],
  tasks: TemplateTask[],
  dependsOn: Map<string, string[]>
): TemplateDetailDto {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    billingType: template.billingType,
    budget: template.budgetCents === null ? null : Number(template.budgetCents),
    budgetHours: hours(template.budgetSeconds),
    milestones: milestones.map((milestone) => ({
      id: milestone.id,
      name: milestone.name,
      dueOffsetDays: milestone.dueOffsetDays,
      amount: milestone.amountCents === null ? null : Number(milestone.amountCents),
    })),
    tasks: tasks.map((task) => ({
      id: task.id,
      title: task.title,
      description: task.description,
      priority: task.priority,
      status: task.status,
      estimateHours: hours(task.estimateSeconds),
      startOffsetDays: task.startOffsetDays,
      dueOffsetDays: task.dueOffsetDays,
      milestoneId: task.templateMilestoneId,
      dependsOn: dependsOn.get(task.id) ?? [],
    })),
  }
}
