import type { HttpContext } from '@adonisjs/core/http'
import EditDraftLines from '#billing/actions/edit_draft_lines'
import BillingPolicy from '#billing/policies/billing_policy'
import { showInvoice } from '#billing/queries/show_invoice'
import { addDraftLineValidator, lineChangesFrom, newLineFrom, updateDraftLineValidator } from '#billing/validators/invoice_lines'
import { toLineDto } from '#billing/dtos/invoice'

/** Manual lines and discounts on draft invoices over the JSON API; each answers the invoice with its new totals. */
export default class InvoiceLinesController {
  async store({ params, request, response, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const input = await request.validateUsing(addDraftLineValidator)
    const { line } = await new EditDraftLines().add(params.id, newLineFrom(input))
    return response.created({ line: toLineDto(line!), invoice: await showInvoice(params.id) })
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const input = await request.validateUsing(updateDraftLineValidator)
    const { invoice, line } = await new EditDraftLines().update(params.id, lineChangesFrom(input))
    return { line: toLineDto(line!), invoice: await showInvoice(invoice.id) }
  }

  async destroy({ params, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const { invoice } = await new EditDraftLines().remove(params.id)
    return { invoice: await showInvoice(invoice.id) }
  }
}
