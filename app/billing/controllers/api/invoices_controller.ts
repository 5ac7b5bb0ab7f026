import type { HttpContext } from '@adonisjs/core/http'
import GenerateInvoice from '#billing/actions/generate_invoice'
import RecordPayment from '#billing/actions/record_payment'
import VoidInvoice from '#billing/actions/void_invoice'
import BillingPolicy from '#billing/policies/billing_policy'
import { toInvoiceDto, toLineDto } from '#billing/dtos/invoice'
import { planInvoice } from '#billing/queries/invoice_plan'
import { listInvoices } from '#billing/queries/list_invoices'
import { showInvoice } from '#billing/queries/show_invoice'
import { percentToBasisPoints } from '#billing/rules/money'
import {
  invoiceFiltersValidator,
  invoiceRequestValidator,
  recordPaymentValidator,
  voidInvoiceValidator,
} from '#billing/validators/invoice'

function requestFrom(input: Awaited<ReturnType<typeof invoiceRequestValidator.validate>>) {
  const { taxRate, ...rest } = input
  return { ...rest, taxRateBasisPoints: taxRate === undefined ? undefined : percentToBasisPoints(taxRate) }
}

/** Invoices over the JSON API (owners and managers; RLS scopes managers to their clients). */
export default class InvoicesController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    return listInvoices(await invoiceFiltersValidator.validate(request.qs()))
  }

  async preview({ request, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const plan = await planInvoice(requestFrom(await request.validateUsing(invoiceRequestValidator)))
    return {
      preview: {
        clientId: plan.clientId,
        clientName: plan.clientName,
        projects: plan.projects,
        currency: plan.currency,
        lines: plan.lines.map(toLineDto),
        subtotal: plan.subtotalCents,
        taxRate: plan.taxRateBasisPoints / 100,
        tax: plan.taxCents,
        total: plan.totalCents,
      },
    }
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const { invoice } = await new GenerateInvoice().handle(requestFrom(await request.validateUsing(invoiceRequestValidator)))
    return response.created({ invoice: await showInvoice(invoice.id) })
  }

  async show({ params, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    return { invoice: await showInvoice(params.id) }
  }

  async void({ params, request, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const { reason } = await request.validateUsing(voidInvoiceValidator)
    return { invoice: toInvoiceDto(await new VoidInvoice().handle(params.id, reason)) }
  }

  async recordPayment({ params, request, response, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const input = await request.validateUsing(recordPaymentValidator)
    const { invoice } = await new RecordPayment().handle(params.id, {
      amountCents: input.amount,
      paidOn: input.paidOn,
      method: input.method,
      reference: input.reference,
    })
    return response.created({ invoice: toInvoiceDto(invoice) })
  }
}
