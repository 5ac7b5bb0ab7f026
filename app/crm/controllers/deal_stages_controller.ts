import type { HttpContext } from '@adonisjs/core/http'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import CreateDealStage from '#crm/actions/create_deal_stage'
import DeleteDealStage from '#crm/actions/delete_deal_stage'
import ReorderDealStages from '#crm/actions/reorder_deal_stages'
import UpdateDealStage from '#crm/actions/update_deal_stage'
import { flashingConflicts } from '#crm/controllers/pipeline_conflicts'
import CrmPolicy from '#crm/policies/crm_policy'
import { orderedStages } from '#crm/queries/deal_stages'
import { stageSummaries } from '#crm/queries/stage_totals'
import { createStageValidator, reorderStagesValidator, updateStageValidator } from '#crm/validators/deal_stage'

/** The stages page: create, rename, reorder, default probability, delete. */
export default class DealStagesController {
  async index({ inertia, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('viewPipeline')
    const { stages } = await stageSummaries(await orderedStages())
    return inertia.render('crm/deals/stages', { stages, currency: (await agencySettings(tenancy.agencyId())).currency })
  }

  async store({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const stage = await new CreateDealStage().handle(await request.validateUsing(createStageValidator))
    session.flash('success', `Stage “${stage.name}” added`)
    return response.redirect('/deals/stages')
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CrmPolicy).authorize('manage')
    const changes = await ctx.request.validateUsing(updateStageValidator)
    return flashingConflicts(ctx, async () => {
      const stage = await new UpdateDealStage().handle(ctx.params.id, changes)
      ctx.session.flash('success', `Stage “${stage.name}” saved`)
      return ctx.response.redirect('/deals/stages')
    })
  }

  async reorder({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const { stageIds } = await request.validateUsing(reorderStagesValidator)
    await new ReorderDealStages().handle(stageIds)
    session.flash('success', 'Stage order saved')
    return response.redirect('/deals/stages')
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(CrmPolicy).authorize('manage')
    return flashingConflicts(ctx, async () => {
      await new DeleteDealStage().handle(ctx.params.id)
      ctx.session.flash('success', 'Stage deleted')
      return ctx.response.redirect('/deals/stages')
    })
  }
}
