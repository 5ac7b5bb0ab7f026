import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import CreateClient from '#crm/actions/create_client'
import { lockColumns, renumberColumn } from '#crm/actions/deal_columns'
import ClientActivity from '#crm/models/client_activity'
import Deal from '#crm/models/deal'
import DealStage from '#crm/models/deal_stage'
import { recordClientEvent } from '#crm/public/timeline'
import { projectTemplateOptions, wonDealHandler } from '#crm/public/won_deals'

export interface DealMove {
  dealId: string
  stage: DealStage
  lostReason?: string | null
  /** 0-based place in the target column; the end by default. */
  position?: number
  /** A project template for the project a win creates (blank without it). */
  templateId?: string | null
}

/**
 * The one way a deal changes stage or place, for the board, the deal page and
 * the API. Winning creates the client (for a prospect) and, through the
 * projects module's handler, the project; winning again returns the same
 * project. It runs in the caller's transaction: any failure (the project
 * handler throwing included) rolls it back, leaving the deal as it was.
 */
export default class MoveDealStage {
  async handle({ dealId, stage: target, lostReason, position, templateId }: DealMove): Promise<{ deal: Deal; projectId: string | null }> {
    const deal = await Deal.query().where('id', dealId).forUpdate().firstOrFail()
    const from = await DealStage.findOrFail(deal.stageId)
    if (deal.wonProjectId && target.kind !== 'won') {
      throw new ConflictException(`“${deal.title}” is won and has a project, so it stays in ${from.name}`)
    }
    const changesStage = target.id !== from.id || (target.kind === 'won' && !deal.wonProjectId)
    if (changesStage && target.kind === 'lost' && !lostReason) fieldError('lostReason', 'Say why the deal was lost', 'required')
    if (changesStage && target.kind === 'won' && templateId) await this.#checkTemplate(templateId)
    await lockColumns([from.id, target.id])

    if (!changesStage) {
      if (position !== undefined) await renumberColumn(target.id, { dealId: deal.id, index: position })
      await deal.refresh()
      return { deal, projectId: deal.wonProjectId }
    }

    const before = { stage: from.name, probability: deal.probability, lostReason: deal.lostReason }
    deal.stageId = target.id
    if (target.kind === 'open') {
      // The probability follows the stage unless someone set it by hand: if it
      // is still what the old stage gave (its default, 0 once lost, 100 once
      // won), it becomes the new stage's default; a figure typed in is kept.
      // So a reopened lost deal starts again from its new stage's default.
      const stageFigure = from.kind === 'open' ? from.defaultProbability : from.kind === 'won' ? 100 : 0
      if (deal.probability === stageFigure) deal.probability = target.defaultProbability
      deal.lostReason = null
      deal.closedAt = null
    } else {
      deal.probability = target.kind === 'won' ? 100 : 0
      deal.lostReason = target.kind === 'lost' ? lostReason! : null
      deal.closedAt = DateTime.now()
    }
    if (target.kind === 'won' && !deal.clientId) await this.#becomeClient(deal)
    await deal.save()
    await renumberColumn(from.id)
    await renumberColumn(target.id, { dealId: deal.id, index: position })

    await recordClientEvent({
      clientId: deal.clientId,
      dealId: deal.id,
      kind: 'deal_moved',
      body: `Deal “${deal.title}” moved from ${from.name} to ${target.name}${target.kind === 'lost' ? `: ${lostReason}` : ''}`,
      metadata: { fromStageId: from.id, toStageId: target.id, from: from.name, to: target.name, lostReason: deal.lostReason },
    })
    if (target.kind === 'won') {
      const { projectId } = await wonDealHandler()({
        dealId: deal.id,
        clientId: deal.clientId!,
        title: deal.title,
        description: deal.description,
        valueCents: deal.valueCents,
        currency: deal.currency,
        ownerUserId: deal.ownerUserId,
        templateId: templateId ?? null,
      })
      deal.wonProjectId = projectId
      await deal.save()
    }
    await recordAudit({
      entityType: 'deal',
      entityId: deal.id,
      action: 'moved',
      before,
      after: { stage: target.name, probability: deal.probability, lostReason: deal.lostReason, projectId: deal.wonProjectId },
    })
    await deal.refresh()
    return { deal, projectId: deal.wonProjectId }
  }

  /** Another agency's template is hidden by RLS, so it is "not there" like a typo. */
  async #checkTemplate(templateId: string) {
    const templates = await projectTemplateOptions()
    if (!templates.some((template) => template.id === templateId)) {
      fieldError('templateId', 'There is no project template with this id', 'exists')
    }
  }

  /** A prospect's deal is won: the company becomes a client and takes the deal's history with it. */
  async #becomeClient(deal: Deal) {
    // A contact needs a name: an email alone stands in for it.
    const name = (deal.prospectContactName ?? deal.prospectContactEmail)?.slice(0, 120)
    const client = await new CreateClient().handle({
      companyName: deal.prospectCompanyName!,
      primaryContact: name ? { name, email: deal.prospectContactEmail } : null,
    })
    deal.clientId = client.id
    await ClientActivity.query().where('dealId', deal.id).whereNull('clientId').update({ clientId: client.id })
  }
}
