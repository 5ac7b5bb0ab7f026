import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { agencySettings } from '#core/public/agency'
import { portalCheckout, portalInvoice, portalInvoicePdf, portalInvoices, portalPaymentOptions } from '#billing/public/portal_invoices'
import { portalProject } from '#projects/public/portal_projects'
import { logPortalAccess } from '#portal/actions/log_portal_access'
import { noteInvoiceViewed } from '#portal/actions/note_invoice_viewed'
import { notFound } from '#portal/controllers/not_found'
import { logoFile, logoKey } from '#portal/queries/portal_branding'
import { portalHome } from '#portal/queries/portal_home'
import { projectPageExtras } from '#portal/queries/project_page_extras'

/**
 * The signed-in contact's pages: home, a project, invoices (list, detail,
 * PDF, pay). Everything is read under the contact's RLS (their company
 * only); every view and download is in the access log.
 */
export default class PortalPagesController {
  async home({ inertia, portalSession }: HttpContext) {
    const home = await portalHome(portalSession!)
    await logPortalAccess('view', { type: 'home', detail: '/portal' })
    return inertia.render('portal/home', home)
  }

  async project({ inertia, params, portalSession }: HttpContext) {
    const project = await portalProject(portalSession!.clientId, params.id)
    if (!project) notFound()
    const extras = await projectPageExtras(portalSession!, project.id)
    await logPortalAccess('view', { type: 'project', id: project.id, detail: project.name })
    return inertia.render('portal/projects/show', { project, extras })
  }

  async invoices({ inertia, portalSession }: HttpContext) {
    const invoices = await portalInvoices(portalSession!.clientId)
    await logPortalAccess('view', { type: 'invoices', detail: '/portal/invoices' })
    return inertia.render('portal/invoices/index', { invoices })
  }

  async invoice({ inertia, params, portalSession }: HttpContext) {
    const invoice = await portalInvoice(portalSession!.clientId, params.id)
    if (!invoice) notFound()
    const payment = await portalPaymentOptions()
    await logPortalAccess('view', { type: 'invoice', id: invoice.id, detail: invoice.number })
    await noteInvoiceViewed(portalSession!, invoice.id)
    return inertia.render('portal/invoices/show', { invoice, payment })
  }

  /** The invoice's PDF, for the contact's company only (404 otherwise), rendered now when stale. */
  async pdf({ params, request, response, portalSession }: HttpContext) {
    const pdf = await portalInvoicePdf(portalSession!.clientId, params.id)
    if (!pdf) notFound()
    await logPortalAccess('download', { type: 'invoice', id: params.id, detail: pdf.fileName })
    const disposition = request.input('inline') ? 'inline' : 'attachment'
    response.header('content-type', 'application/pdf')
    response.header('content-disposition', `${disposition}; filename="${pdf.fileName}"`)
    response.header('cache-control', 'private, no-store')
    response.header('x-content-type-options', 'nosniff')
    return response.stream(pdf.stream)
  }

  /**
   * "Pay": to Stripe's hosted Checkout when Stripe is configured; otherwise
   * (or when nothing is due) back to the invoice, which shows the agency's
   * payment instructions.
   */
  async pay({ params, response, session, portalSession }: HttpContext) {
    const checkout = await portalCheckout(portalSession!.clientId, params.id)
    if (!checkout) notFound()
    await logPortalAccess('pay', { type: 'invoice', id: params.id, detail: checkout.kind })
    if (checkout.kind === 'checkout') return response.redirect(checkout.url)
    if (checkout.kind === 'nothing_due') session.flash('success', 'Nothing is due on this invoice.')
    return response.redirect(`/portal/invoices/${params.id}${checkout.kind === 'instructions' ? '?pay=1' : ''}`)
  }

  /** The agency's logo for its portal (the staff URL needs a staff login). */
  async logo({ request, response, portalSession }: HttpContext) {
    const agency = await agencySettings(portalSession!.agencyId)
    const file = logoFile(agency.logoUrl)
    if (!file || request.input('v') !== file) return response.notFound()
    const key = logoKey(agency.id, file)
    const disk = drive.use()
    if (!(await disk.exists(key))) return response.notFound()
    const { contentType } = await disk.getMetaData(key)
    response.header('content-type', contentType ?? 'application/octet-stream')
    response.header('cache-control', 'private, max-age=86400')
    response.header('x-content-type-options', 'nosniff')
    response.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    return response.stream(await disk.getStream(key))
  }
}
