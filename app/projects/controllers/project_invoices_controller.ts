import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#projects/policies/project_policy'
import { readProjectInvoices } from '#projects/public/project_invoices'
import { workspaceProject } from '#projects/queries/workspace_project'

/** The workspace's Invoices tab: the owner and the project's managers see the invoices that bill it, through Billing's reader. */
export default class ProjectInvoicesController {
  async index({ inertia, params, bouncer }: HttpContext) {
    const project = await workspaceProject(params.id)
    await bouncer.with(ProjectPolicy).authorize('manage', project)
    const invoices = await readProjectInvoices(project.id)
    return inertia.render('projects/invoices', { project, invoices: invoices ?? [], billed: invoices !== null })
  }
}
