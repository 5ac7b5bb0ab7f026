import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { checkStageName } from '#crm/actions/deal_stage_rules'
import DealStage, { type StageKind } from '#crm/models/deal_stage'

/** Renames a stage or changes its default probability; won and lost keep their kind and their 100 % / 0 %. */
export default class UpdateDealStage {
  async handle(stageId: string, changes: { name?: string; defaultProbability?: number; kind?: StageKind }) {
    const stage = await DealStage.query().where('id', stageId).forUpdate().firstOrFail()
    if (changes.kind !== undefined && changes.kind !== stage.kind) {
      throw new ConflictException(`The kind of a stage is fixed: “${stage.name}” stays ${stage.kind}`)
    }
    if (changes.defaultProbability !== undefined && stage.kind !== 'open' && changes.defaultProbability !== stage.defaultProbability) {
      fieldError('defaultProbability', `A ${stage.kind} deal is always ${stage.kind === 'won' ? 100 : 0} %`, 'fixed')
    }
    if (changes.name !== undefined && changes.name !== stage.name) await checkStageName(changes.name, stage.kind, stage.id)

    const before = { name: stage.name, defaultProbability: stage.defaultProbability }
    stage.merge({ name: changes.name ?? stage.name, defaultProbability: changes.defaultProbability ?? stage.defaultProbability })
    if (!stage.$isDirty) return stage
    await stage.save()
    await recordAudit({ entityType: 'deal_stage', entityId: stage.id, action: 'updated', before, after: { name: stage.name, defaultProbability: stage.defaultProbability } })
    return stage
  }
}
