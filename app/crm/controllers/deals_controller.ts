import type { HttpContext } from '@adonisjs/core/http'
import { fieldError } from '#core/public/errors'
import CreateDeal from '#crm/actions/create_deal'
import DeleteDeal from '#crm/actions/delete_deal'
import MoveDealStage from '#crm/actions/move_deal_stage'
import UpdateDeal from '#crm/actions/update_deal'
import { flashingConflicts } from '#crm/controllers/pipeline_conflicts'
import { projectTemplateOptions } from '#crm/public/won_deals'
import CrmPolicy from '#crm/policies/crm_policy'
import { clientOption, clientOptions } from '#crm/queries/client_options'
import { dealDetail } from '#crm/queries/deal_detail'
import { dealForecast } from '#crm/queries/deal_forecast'
import { dealFormOptions } from '#crm/queries/deal_form_options'
import { findStage } from '#crm/queries/deal_stages'
import { listDeals } from '#crm/queries/list_deals'
import { pipelineBoard } from '#crm/queries/pipeline_board'
import {
  clientOptionsValidator,
  createDealValidator,
  listDealsValidator,
  moveDealValidator,
  updateDealValidator,
} from '#crm/validators/deal'

/** The pipeline's pages: board, list, deal page, and the forms they post. */
export default class DealsController {
  async index({ inertia, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    return inertia.render('crm/deals/index', {
      board: await pipelineBoard(),
      forecast: await dealForecast(),
      options: await dealFormOptions(),
      /** Offered when a deal is dropped on Won: a blank project or one of these. */
      projectTemplates: await projectTemplateOptions(),
      /** Set by a move to won, so the board can link to the new project. */
      wonProject: (session.flashMessages.get('wonProject') as { id: string; dealTitle: string } | undefined) ?? null,
    })
  }

  async list({ inertia, request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    const filters = await listDealsValidator.validate(request.qs())
    return inertia.render('crm/deals/list', {
      list: await listDeals(filters),
      filters,
      filterClient: filters.clientId ? await clientOption(filters.clientId) : null,
      options: await dealFormOptions(),
    })
  }

  async show({ inertia, params, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    return inertia.render('crm/deals/show', {
      ...(await dealDetail(params.id)),
      options: await dealFormOptions(),
      projectTemplates: await projectTemplateOptions(),
    })
  }

  /** JSON for the deal form's client picker. */
  async clientOptions({ request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const { search } = await clientOptionsValidator.validate(request.qs())
    return { clients: await clientOptions(search) }
  }

  async store({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const deal = await new CreateDeal().handle(await request.validateUsing(createDealValidator))
    session.flash('success', `Deal “${deal.title}” added`)
    return response.redirect().back()
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CrmPolicy).authorize('manage')
    const changes = await ctx.request.validateUsing(updateDealValidator)
    return flashingConflicts(ctx, async () => {
      const deal = await new UpdateDeal().handle(ctx.params.id, changes)
      ctx.session.flash('success', `Deal “${deal.title}” saved`)
      return ctx.response.redirect().back()
    })
  }

  async move(ctx: HttpContext) {
    await ctx.bouncer.with(CrmPolicy).authorize('manage')
    const { stage: ref, lostReason, position, templateId } = await ctx.request.validateUsing(moveDealValidator)
    const stage = await findStage(ref)
    if (!stage) fieldError('stage', 'There is no stage with this name or id', 'exists')
    return flashingConflicts(ctx, async () => {
      const { deal, projectId } = await new MoveDealStage().handle({ dealId: ctx.params.id, stage, lostReason, position, templateId })
      if (projectId && stage.kind === 'won') {
        ctx.session.flash('success', `“${deal.title}” is won: its project is ready`)
        ctx.session.flash('wonProject', { id: projectId, dealTitle: deal.title })
      }
      return ctx.response.redirect().back()
    })
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(CrmPolicy).authorize('manage')
    return flashingConflicts(ctx, async () => {
      await new DeleteDeal().handle(ctx.params.id)
      ctx.session.flash('success', 'Deal deleted')
      return ctx.response.redirect('/deals')
    })
  }
}
