import type { HttpContext } from '@adonisjs/core/http'
import { portalInvoice, portalInvoices } from '#billing/public/portal_invoices'
import { portalProject, portalProjects } from '#projects/public/portal_projects'
import { logPortalAccess } from '#portal/actions/log_portal_access'
import { notFound } from '#portal/controllers/not_found'

/**
 * The portal's JSON API (`/api/portal/...`, the portal cookie only; staff
 * tokens get 401): the contact's company's projects and sent invoices.
 * Every call is in the access log.
 */
export default class PortalApiController {
  async projects({ portalSession }: HttpContext) {
    const projects = await portalProjects(portalSession!.clientId)
    await logPortalAccess('view', { type: 'projects', detail: 'GET /api/portal/projects' })
    return { projects }
  }

  async project({ params, portalSession }: HttpContext) {
    const project = await portalProject(portalSession!.clientId, params.id)
    if (!project) notFound()
    await logPortalAccess('view', { type: 'project', id: project.id, detail: 'GET /api/portal/projects/:id' })
    return { project }
  }

  async invoices({ portalSession }: HttpContext) {
    const invoices = await portalInvoices(portalSession!.clientId)
    await logPortalAccess('view', { type: 'invoices', detail: 'GET /api/portal/invoices' })
    return { invoices }
  }

  async invoice({ params, portalSession }: HttpContext) {
    const invoice = await portalInvoice(portalSession!.clientId, params.id)
    if (!invoice) notFound()
    await logPortalAccess('view', { type: 'invoice', id: invoice.id, detail: 'GET /api/portal/invoices/:id' })
    return { invoice }
  }
}
