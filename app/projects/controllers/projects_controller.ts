import type { HttpContext } from '@adonisjs/core/http'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { flashingConflicts } from '#core/public/http'
import CreateProject from '#projects/actions/create_project'
import UpdateProject from '#projects/actions/update_project'
import { allowedStatuses } from '#projects/actions/change_project_status'
import Project from '#projects/models/project'
import ProjectPolicy from '#projects/policies/project_policy'
import { listProjects } from '#projects/queries/list_projects'
import { showProject } from '#projects/queries/show_project'
import { projectFormOptions } from '#projects/queries/project_form_options'
import { projectBudgets } from '#projects/queries/project_budgets'
import { budgetBurn } from '#projects/queries/budget_burn'
import { projectTimeOverview } from '#projects/queries/project_time'
import { workspaceProject } from '#projects/queries/workspace_project'
import { upcomingMilestones } from '#projects/queries/project_progress'
import {
  createProjectValidator,
  projectFieldsFrom,
  projectFiltersValidator,
  updateProjectValidator,
} from '#projects/validators/project'
import vine from '@vinejs/vine'

const statusValidator = vine.compile(vine.object({ status: vine.enum(['planning', 'active', 'on_hold', 'completed'] as const) }))

/** Empty filter fields in a query string mean "any". */
const withoutEmpty = (qs: Record<string, unknown>) => Object.fromEntries(Object.entries(qs).filter(([, value]) => value !== ''))

/** The projects list, the create form, the overview, time and settings tabs of the workspace. */
export default class ProjectsController {
  async index({ inertia, request, bouncer }: HttpContext) {
    const filters = await projectFiltersValidator.validate(withoutEmpty(request.qs()))
    const options = await projectFormOptions()
    return inertia.render('projects/index', {
      projects: await listProjects(filters),
      filters: { status: filters.status ?? '', clientId: filters.clientId ?? '', managerId: filters.managerId ?? '', sort: filters.sort ?? 'created' },
      options: { clients: options.clients, managers: options.managers },
      can: { create: await bouncer.with(ProjectPolicy).allows('create') },
    })
  }

  async create({ inertia, bouncer }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('create')
    const options = await projectFormOptions()
    const { currency } = await agencySettings(tenancy.agencyId())
    return inertia.render('projects/create', { currency, options: { clients: options.clients, managers: options.managers } })
  }

  async store({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('create')
    const input = await request.validateUsing(createProjectValidator)
    const project = await new CreateProject().handle({
      ...projectFieldsFrom(input),
      name: input.name,
      clientId: input.clientId,
      managerIds: input.managerIds,
    })
    session.flash('success', `${project.name} created`)
    return response.redirect(`/projects/${project.id}`)
  }

  /**
   * The overview. Spend (the burn figures and the chart) is for the owner and
   * the project's managers: under RLS anyone else would see only their own
   * time counted, which would understate it.
   */
  async show({ inertia, params, bouncer }: HttpContext) {
    const project = await showProject(params.id)
    const seesSpend = await bouncer.with(ProjectPolicy).allows('manage', project)
    const budget = seesSpend ? ((await projectBudgets([project.id])).get(project.id) ?? null) : null
    const burn = seesSpend ? await budgetBurn(project.id) : []
    return inertia.render('projects/show', {
      project,
      budget,
      burn,
      milestones: await upcomingMilestones(project.id, 5),
      can: { seeSpend: seesSpend },
    })
  }

  /** The Time tab: everyone on the project sees it; what it counts is what RLS lets them see. */
  async time({ inertia, params, bouncer }: HttpContext) {
    const project = await workspaceProject(params.id)
    const canApprove = await bouncer.with(ProjectPolicy).allows('manage', project)
    return inertia.render('projects/time', { project, time: await projectTimeOverview(project.id), can: { approve: canApprove } })
  }

  async settings({ inertia, params, bouncer }: HttpContext) {
    const project = await showProject(params.id)
    const canManage = await bouncer.with(ProjectPolicy).allows('manage', project)
    return inertia.render('projects/settings', {
      project,
      statuses: canManage ? allowedStatuses(project.status, tenancy.current()?.role === 'owner') : [],
      can: { manage: canManage },
    })
  }

  async update({ params, request, response, bouncer, session }: HttpContext) {
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    const input = await request.validateUsing(updateProjectValidator)
    await new UpdateProject().handle(project, projectFieldsFrom(input))
    session.flash('success', 'Project saved')
    return response.redirect(`/projects/${project.id}/settings`)
  }

  /** A status move from the settings tab; an illegal one is shown as an error, not a 409 page. */
  async status(ctx: HttpContext) {
    const { params, request, response, bouncer, session } = ctx
    const project = await Project.findOrFail(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    const { status } = await request.validateUsing(statusValidator)
    return flashingConflicts(ctx, async () => {
      await new UpdateProject().handle(project, { status })
      session.flash('success', 'Status changed')
      return response.redirect(`/projects/${project.id}/settings`)
    })
  }
}
