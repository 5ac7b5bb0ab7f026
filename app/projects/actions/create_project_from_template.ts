import CreateProject from '#projects/actions/create_project'
import ApplyTemplate from '#projects/actions/apply_template'
import ProjectTemplate from '#projects/models/project_template'

export interface ProjectFromTemplate {
  templateId: string
  clientId: string
  name: string
  description?: string | null
  startDate: string
  /** Minor units; the template's budget when not given. */
  budget?: number | null
}

/**
 * A new project with the template's milestones, tasks and dependencies dated
 * from its start, in the request's transaction (all or nothing).
 */
export default class CreateProjectFromTemplate {
  async handle({ templateId, budget, ...fields }: ProjectFromTemplate) {
    const template = await ProjectTemplate.findOrFail(templateId)
    const project = await new CreateProject().handle({
      ...fields,
      description: fields.description ?? template.description,
      budgetCents: budget ?? template.budgetCents,
      budgetSeconds: template.budgetSeconds,
      ...billingTypeOf(template),
    })
    await new ApplyTemplate().handle(project.id, template.id, fields.startDate)
    return project
  }
}

/** A retainer needs an amount and a period a template does not carry: such a project starts hourly and is set up afterwards. */
export function billingTypeOf(template: ProjectTemplate): { billingType?: 'hourly' | 'fixed' } {
  return template.billingType && template.billingType !== 'retainer' ? { billingType: template.billingType } : {}
}
