import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import BillingPolicy from '#billing/policies/billing_policy'
import { currentInvoicePdf } from '#billing/actions/render_invoice_pdf'

/**
 * The invoice PDF for staff (`GET /invoices/:id/pdf`, `GET /api/invoices/:id/pdf`),
 * streamed from the private disk — rendered now when missing or out of date.
 * 404 for an invoice RLS hides.
 */
export default class InvoicePdfController {
  async show({ params, request, response, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const pdf = await currentInvoicePdf(params.id)
    const disposition = request.input('download') ? 'attachment' : 'inline'
    response.header('content-type', 'application/pdf')
    response.header('content-disposition', `${disposition}; filename="${pdf.fileName}"`)
    response.header('cache-control', 'private, no-store')
    response.header('x-content-type-options', 'nosniff')
    return response.stream(await drive.use().getStream(pdf.key))
  }
}
