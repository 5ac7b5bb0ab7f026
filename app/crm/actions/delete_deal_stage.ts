import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { lockedStages, renumberStages } from '#crm/actions/deal_stage_rules'
import Deal from '#crm/models/deal'
import DealStage from '#crm/models/deal_stage'

/** Removes an empty open stage; won and lost are permanent, and one open stage always remains. */
export default class DeleteDealStage {
  async handle(stageId: string) {
    const stage = await DealStage.findOrFail(stageId)
    const stages = await lockedStages()
    if (stage.kind !== 'open') throw new ConflictException(`“${stage.name}” is the ${stage.kind} stage: it can be renamed, not deleted`)
    const open = stages.filter((candidate) => candidate.kind === 'open')
    if (open.length === 1) throw new ConflictException('The pipeline needs at least one open stage')
    const deals = Number((await Deal.query().where('stageId', stage.id).count('* as total').first())?.$extras.total ?? 0)
    if (deals > 0) {
      throw new ConflictException(`“${stage.name}” still holds ${deals} deal${deals === 1 ? '' : 's'}: move or delete them first`)
    }
    await stage.delete()
    await renumberStages(stages, open.filter((candidate) => candidate.id !== stage.id).map((candidate) => candidate.id))
    await recordAudit({ entityType: 'deal_stage', entityId: stage.id, action: 'deleted', before: { name: stage.name } })
  }
}
