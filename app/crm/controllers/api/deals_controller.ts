import type { HttpContext } from '@adonisjs/core/http'
import { fieldError } from '#core/public/errors'
import CreateDeal from '#crm/actions/create_deal'
import DeleteDeal from '#crm/actions/delete_deal'
import MoveDealStage from '#crm/actions/move_deal_stage'
import UpdateDeal from '#crm/actions/update_deal'
import Deal from '#crm/models/deal'
import CrmPolicy from '#crm/policies/crm_policy'
import { dealForecast } from '#crm/queries/deal_forecast'
import { findStage } from '#crm/queries/deal_stages'
import { listDeals } from '#crm/queries/list_deals'
import { pipelineBoard } from '#crm/queries/pipeline_board'
import { presentDeal } from '#crm/queries/present_deals'
import { createDealValidator, listDealsValidator, moveDealValidator, updateDealValidator } from '#crm/validators/deal'

/** Deals over the JSON API (PRODUCT.md §3), through the same actions as the pages. */
export default class DealsController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    return listDeals(await listDealsValidator.validate(request.qs()))
  }

  async show({ params, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    return { deal: await presentDeal(await Deal.findOrFail(params.id)) }
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const deal = await new CreateDeal().handle(await request.validateUsing(createDealValidator))
    return response.created({ deal: await presentDeal(deal) })
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const deal = await new UpdateDeal().handle(params.id, await request.validateUsing(updateDealValidator))
    return { deal: await presentDeal(deal) }
  }

  /** `projectId` is the won deal's project (the same one however often it is won), null otherwise. */
  async move({ params, request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const { stage: ref, lostReason, position, templateId } = await request.validateUsing(moveDealValidator)
    const stage = await findStage(ref)
    if (!stage) fieldError('stage', 'There is no stage with this name or id', 'exists')
    const { deal, projectId } = await new MoveDealStage().handle({ dealId: params.id, stage, lostReason, position, templateId })
    return { deal: await presentDeal(deal), projectId }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    await new DeleteDeal().handle(params.id)
    return response.noContent()
  }

  async forecast({ bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    return dealForecast()
  }

  /** The board: each stage with its totals and its first cards, and the open pipeline's totals. */
  async board({ bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    return pipelineBoard()
  }
}
