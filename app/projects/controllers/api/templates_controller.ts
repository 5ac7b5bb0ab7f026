import type { HttpContext } from '@adonisjs/core/http'
import CreateProjectFromTemplate from '#projects/actions/create_project_from_template'
import SaveProjectAsTemplate from '#projects/actions/save_project_as_template'
import { deleteTemplate, updateTemplate } from '#projects/actions/template_record'
import ProjectPolicy from '#projects/policies/project_policy'
import TemplatePolicy from '#projects/policies/template_policy'
import { listTemplates, showTemplate } from '#projects/queries/templates'
import { saveTemplateValidator, updateTemplateValidator, useTemplateValidator } from '#projects/validators/template'

/** REST for project templates: read by all staff, written by owners and managers. */
export default class ApiTemplatesController {
  async index() {
    return { templates: await listTemplates() }
  }

  async show({ params }: HttpContext) {
    return { template: await showTemplate(params.id) }
  }

  /** Saves a project as a template: `{ projectId, name, description? }`. */
  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(TemplatePolicy).authorize('manage')
    const template = await new SaveProjectAsTemplate().handle(await request.validateUsing(saveTemplateValidator))
    return response.created({ template: await showTemplate(template.id) })
  }

  async update({ request, params, bouncer }: HttpContext) {
    await bouncer.with(TemplatePolicy).authorize('manage')
    await updateTemplate(params.id, await request.validateUsing(updateTemplateValidator))
    return { template: await showTemplate(params.id) }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.with(TemplatePolicy).authorize('manage')
    await deleteTemplate(params.id)
    return response.noContent()
  }

  /** A new project from the template: `{ clientId, name, startDate, description?, budget? }` → `{ projectId }`. */
  async use({ request, params, response, bouncer }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('create')
    const input = await request.validateUsing(useTemplateValidator)
    const project = await new CreateProjectFromTemplate().handle({ ...input, templateId: params.id })
    return response.created({ projectId: project.id })
  }
}
