/**
 * Project templates for other modules: the CRM's won-deal dialog lists them
 * through its seam (registered in app/projects/register.ts). Plain data, read
 * under the caller's RLS. The chosen template itself is applied inside this
 * module, by CreateProjectFromDeal, in the transaction that wins the deal.
 */
import ProjectTemplate from '#projects/models/project_template'

export interface TemplateOption {
  id: string
  name: string
}

/** The current agency's templates, by name. */
export async function templateOptions(): Promise<TemplateOption[]> {
  const templates = await ProjectTemplate.query().select('id', 'name').orderBy('name')
  return templates.map(({ id, name }) => ({ id, name }))
}
