import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { lockColumns, renumberColumn } from '#crm/actions/deal_columns'
import ClientActivity from '#crm/models/client_activity'
import Deal from '#crm/models/deal'
import DealStage from '#crm/models/deal_stage'

/** Only open deals go away (a mistake, a duplicate); won and lost ones stay for the record. */
export default class DeleteDeal {
  async handle(dealId: string) {
    const deal = await Deal.query().where('id', dealId).forUpdate().firstOrFail()
    const stage = await DealStage.findOrFail(deal.stageId)
    if (stage.kind !== 'open' || deal.wonProjectId) {
      throw new ConflictException(`“${deal.title}” is ${stage.name.toLowerCase()}: only open deals can be deleted`)
    }
    await lockColumns([stage.id])
    // A prospect's entries belong to no client's timeline; a client's entries stay on it.
    await ClientActivity.query().where('dealId', deal.id).whereNull('clientId').delete()
    await deal.delete()
    await renumberColumn(stage.id)
    await recordAudit({ entityType: 'deal', entityId: deal.id, action: 'deleted', before: { title: deal.title, stage: stage.name, valueCents: deal.valueCents } })
  }
}
