import type { HttpContext } from '@adonisjs/core/http'
import { flashingConflicts } from '#core/public/http'
import { errors as vineErrors } from '@vinejs/vine'
import EditDraftLines from '#billing/actions/edit_draft_lines'
import GenerateInvoice from '#billing/actions/generate_invoice'
import IssueCreditNote from '#billing/actions/issue_credit_note'
import SendInvoice from '#billing/actions/send_invoice'
import RecordPayment from '#billing/actions/record_payment'
import VoidInvoice from '#billing/actions/void_invoice'
import BillingPolicy from '#billing/policies/billing_policy'
import { toLineDto } from '#billing/dtos/invoice'
import { planInvoice } from '#billing/queries/invoice_plan'
import { invoiceBuilderOptions, invoicedClientOptions } from '#billing/queries/invoice_form_options'
import { listInvoices } from '#billing/queries/list_invoices'
import { showInvoice } from '#billing/queries/show_invoice'
import { invoiceActions } from '#billing/queries/invoice_actions'
import { percentToBasisPoints } from '#billing/rules/money'
import {
  invoiceFiltersValidator,
  invoiceRequestValidator,
  recordPaymentValidator,
  voidInvoiceValidator,
} from '#billing/validators/invoice'
import { creditNoteValidator } from '#billing/validators/delivery'
import { addDraftLineValidator, lineChangesFrom, newLineFrom, updateDraftLineValidator } from '#billing/validators/invoice_lines'

/** Empty fields in a query string mean "not given". */
const withoutEmpty = (qs: Record<string, unknown>) => Object.fromEntries(Object.entries(qs).filter(([, value]) => value !== '' && value !== undefined))

function requestFrom(input: Awaited<ReturnType<typeof invoiceRequestValidator.validate>>) {
  const { taxRate, ...rest } = input
  return { ...rest, taxRateBasisPoints: taxRate === undefined ? undefined : percentToBasisPoints(taxRate) }
}


/** Actions other parts of Billing provide, wired below (their buttons show when these are on). */
const FEATURES = { send: true, creditNote: true }

/** The invoice pages: list, builder (preview, then create), detail with its actions. Owners and managers only. */
export default class InvoicesController {
  async index({ inertia, request, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const filters = await invoiceFiltersValidator.validate(withoutEmpty(request.qs()))
    return inertia.render('billing/invoices/index', {
      list: await listInvoices(filters),
      filters: { status: filters.status ?? '', clientId: filters.clientId ?? '', overdue: filters.overdue ?? false },
      options: { clients: await invoicedClientOptions() },
    })
  }

  /**
   * The builder. With `preview=1` in the query it also shows what the invoice
   * would hold (the plan: nothing is written); a choice the plan refuses is
   * shown on its field instead.
   */
  async create({ inertia, request, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const options = await invoiceBuilderOptions()
    const { preview: wanted, ...query } = withoutEmpty(request.qs())
    let preview = null
    let previewErrors: Record<string, string> = {}
    if (wanted) {
      try {
        const plan = await planInvoice(requestFrom(await invoiceRequestValidator.validate(query)))
        preview = {
          clientId: plan.clientId,
          clientName: plan.clientName,
          projects: plan.projects,
          currency: plan.currency,
          from: plan.from,
          to: plan.to,
          groupBy: plan.groupBy,
          lines: plan.lines.map(toLineDto),
          subtotal: plan.subtotalCents,
          taxRate: plan.taxRateBasisPoints / 100,
          tax: plan.taxCents,
          total: plan.totalCents,
        }
      } catch (error) {
        if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
        for (const message of error.messages as Array<{ field: string; message: string }>) previewErrors[message.field] ??= message.message
      }
    }
    // What the form showed when it asked for the preview, so a reload (or a shared link) shows the same choices.
    const projectIds = query.projectIds
    const choices = {
      clientId: typeof query.clientId === 'string' ? query.clientId : '',
      projectIds: Array.isArray(projectIds) ? projectIds.filter((id): id is string => typeof id === 'string') : [],
      from: typeof query.from === 'string' ? query.from : options.defaultFrom,
      to: typeof query.to === 'string' ? query.to : options.today,
      groupBy: typeof query.groupBy === 'string' ? query.groupBy : 'member',
      taxRate: typeof query.taxRate === 'string' ? query.taxRate : String(options.taxRate),
    }
    return inertia.render('billing/invoices/create', { options, choices, preview, previewErrors })
  }

  async store({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const input = await request.validateUsing(invoiceRequestValidator)
    const { invoice } = await new GenerateInvoice().handle(requestFrom(input))
    session.flash('success', `${invoice.number} created as a draft`)
    return response.redirect(`/invoices/${invoice.id}`)
  }

  async show({ inertia, params, bouncer }: HttpContext) {
    await bouncer.with(BillingPolicy).authorize('manage')
    const invoice = await showInvoice(params.id)
    return inertia.render('billing/invoices/show', { invoice, ...(await invoiceActions(invoice)), features: FEATURES })
  }

  async void(ctx: HttpContext) {
    const { params, request, response, bouncer, session } = ctx
    await bouncer.with(BillingPolicy).authorize('manage')
    const { reason } = await request.validateUsing(voidInvoiceValidator)
    return flashingConflicts(ctx, async () => {
      const invoice = await new VoidInvoice().handle(params.id, reason)
      session.flash('success', `${invoice.number} voided`)
      return response.redirect(`/invoices/${params.id}`)
    })
  }

  async recordPayment(ctx: HttpContext) {
    const { params, request, response, bouncer, session } = ctx
    await bouncer.with(BillingPolicy).authorize('manage')
    const input = await request.validateUsing(recordPaymentValidator)
    return flashingConflicts(ctx, async () => {
      await new RecordPayment().handle(params.id, { amountCents: input.amount, paidOn: input.paidOn, method: input.method, reference: input.reference })
      session.flash('success', 'Payment recorded')
      return response.redirect(`/invoices/${params.id}`)
    })
  }

  async addLine(ctx: HttpContext) {
    const { params, request, response, bouncer, session } = ctx
    await bouncer.with(BillingPolicy).authorize('manage')
    const input = await request.validateUsing(addDraftLineValidator)
    return flashingConflicts(ctx, async () => {
      await new EditDraftLines().add(params.id, newLineFrom(input))
      session.flash('success', input.kind === 'discount' ? 'Discount added' : 'Line added')
      return response.redirect(`/invoices/${params.id}`)
    })
  }

  async updateLine(ctx: HttpContext) {
    const { params, request, response, bouncer, session } = ctx
    await bouncer.with(BillingPolicy).authorize('manage')
    const input = await request.validateUsing(updateDraftLineValidator)
    return flashingConflicts(ctx, async () => {
      const { invoice } = await new EditDraftLines().update(params.id, lineChangesFrom(input))
      session.flash('success', 'Line saved')
      return response.redirect(`/invoices/${invoice.id}`)
    })
  }

  async removeLine(ctx: HttpContext) {
    const { params, response, bouncer, session } = ctx
    await bouncer.with(BillingPolicy).authorize('manage')
    return flashingConflicts(ctx, async () => {
      const { invoice } = await new EditDraftLines().remove(params.id)
      session.flash('success', 'Line removed')
      return response.redirect(`/invoices/${invoice.id}`)
    })
  }

  /** Send (from draft) or re-send; a client without a billing email comes back as an error on the page. */
  async send(ctx: HttpContext) {
    const { params, response, bouncer, session } = ctx
    await bouncer.with(BillingPolicy).authorize('manage')
    return flashingConflicts(ctx, async () => {
      const before = await showInvoice(params.id)
      const invoice = await new SendInvoice().handle(params.id)
      session.flash('success', `${invoice.number} ${before.status === 'draft' ? 'sent' : 'sent again'}`)
      return response.redirect(`/invoices/${params.id}`)
    })
  }

  async creditNote(ctx: HttpContext) {
    const { params, request, response, bouncer, session } = ctx
    await bouncer.with(BillingPolicy).authorize('manage')
    const { amount, reason } = await request.validateUsing(creditNoteValidator)
    return flashingConflicts(ctx, async () => {
      const note = await new IssueCreditNote().handle(params.id, { amountCents: amount, reason })
      session.flash('success', `Credit note ${note.number} issued`)
      return response.redirect(`/invoices/${params.id}`)
    })
  }
}
