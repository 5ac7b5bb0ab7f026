import type { HttpContext } from '@adonisjs/core/http'
import SendInvoice from '#billing/actions/send_invoice'
import IssueCreditNote from '#billing/actions/issue_credit_note'
import BillingPolicy from '#billing/policies/billing_policy'
import { toCreditNoteDto } from '#billing/dtos/credit_note'
import { showInvoice } from '#billing/queries/show_invoice'
import { creditNoteValidator } from '#billing/validators/delivery'

/** Sending invoices and issuing credit notes over the JSON API (owners and managers; RLS scopes managers). */
export default class InvoiceDeliveryController {
  async send({ params, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const invoice = await new SendInvoice().handle(params.id)
    return { invoice: await showInvoice(invoice.id) }
  }

  async creditNote({ params, request, response, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const { amount, reason } = await request.validateUsing(creditNoteValidator)
    const note = await new IssueCreditNote().handle(params.id, { amountCents: amount, reason })
    return response.created({ creditNote: toCreditNoteDto(note) })
  }
}
