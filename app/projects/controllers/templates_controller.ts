import type { HttpContext } from '@adonisjs/core/http'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import CreateProjectFromTemplate from '#projects/actions/create_project_from_template'
import SaveProjectAsTemplate from '#projects/actions/save_project_as_template'
import { deleteTemplate, updateTemplate } from '#projects/actions/template_record'
import ProjectPolicy from '#projects/policies/project_policy'
import TemplatePolicy from '#projects/policies/template_policy'
import { listProjects } from '#projects/queries/list_projects'
import { projectFormOptions } from '#projects/queries/project_form_options'
import { listTemplates, showTemplate } from '#projects/queries/templates'
import { saveTemplateValidator, updateTemplateValidator, useTemplateValidator } from '#projects/validators/template'

/** Templates pages: the list (with "save a project as a template"), a template, and "use it" for a new project. */
export default class TemplatesController {
  async index({ inertia, bouncer }: HttpContext) {
    const canManage = await bouncer.with(TemplatePolicy).allows('manage')
    return inertia.render('projects/templates/index', {
      templates: await listTemplates(),
      projects: canManage ? (await listProjects()).map((project) => ({ id: project.id, name: project.name })) : [],
      can: { manage: canManage },
    })
  }

  async show({ inertia, params, bouncer }: HttpContext) {
    return inertia.render('projects/templates/show', {
      template: await showTemplate(params.id),
      can: { manage: await bouncer.with(TemplatePolicy).allows('manage') },
    })
  }

  async store({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(TemplatePolicy).authorize('manage')
    const template = await new SaveProjectAsTemplate().handle(await request.validateUsing(saveTemplateValidator))
    session.flash('success', `Template “${template.name}” saved`)
    return response.redirect(`/projects/templates/${template.id}`)
  }

  async update({ request, response, params, bouncer, session }: HttpContext) {
    await bouncer.with(TemplatePolicy).authorize('manage')
    const template = await updateTemplate(params.id, await request.validateUsing(updateTemplateValidator))
    session.flash('success', `Template “${template.name}” saved`)
    return response.redirect().back()
  }

  async destroy({ response, params, bouncer, session }: HttpContext) {
    await bouncer.with(TemplatePolicy).authorize('manage')
    await deleteTemplate(params.id)
    session.flash('success', 'Template deleted')
    return response.redirect('/projects/templates')
  }

  /** The "new project from this template" form. */
  async create({ inertia, params, bouncer }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('create')
    const template = await showTemplate(params.id)
    const { currency } = await agencySettings(tenancy.agencyId())
    return inertia.render('projects/templates/use', { template, currency, clients: (await projectFormOptions()).clients })
  }

  async use({ request, response, params, bouncer, session }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('create')
    const input = await request.validateUsing(useTemplateValidator)
    const project = await new CreateProjectFromTemplate().handle({ ...input, templateId: params.id })
    session.flash('success', `Project “${project.name}” created from the template`)
    return response.redirect(`/projects/${project.id}`)
  }
}
