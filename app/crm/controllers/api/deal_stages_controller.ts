import type { HttpContext } from '@adonisjs/core/http'
import CreateDealStage from '#crm/actions/create_deal_stage'
import DeleteDealStage from '#crm/actions/delete_deal_stage'
import ReorderDealStages from '#crm/actions/reorder_deal_stages'
import UpdateDealStage from '#crm/actions/update_deal_stage'
import { toDealStageDto } from '#crm/dtos/deal_stage'
import CrmPolicy from '#crm/policies/crm_policy'
import { orderedStages } from '#crm/queries/deal_stages'
import { stageSummaries } from '#crm/queries/stage_totals'
import { createStageValidator, reorderStagesValidator, updateStageValidator } from '#crm/validators/deal_stage'

/** The agency's pipeline stages over the JSON API, each with its deals' totals. */
export default class DealStagesController {
  async index({ bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    return stageSummaries(await orderedStages())
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const stage = await new CreateDealStage().handle(await request.validateUsing(createStageValidator))
    return response.created({ stage: toDealStageDto(stage) })
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const stage = await new UpdateDealStage().handle(params.id, await request.validateUsing(updateStageValidator))
    return { stage: toDealStageDto(stage) }
  }

  async reorder({ request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const { stageIds } = await request.validateUsing(reorderStagesValidator)
    await new ReorderDealStages().handle(stageIds)
    return { stages: (await orderedStages()).map(toDealStageDto) }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    await new DeleteDealStage().handle(params.id)
    return response.noContent()
  }
}
