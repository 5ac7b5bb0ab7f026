import { recordAudit } from '#core/public/audit'
import { checkStageName, lockedStages } from '#crm/actions/deal_stage_rules'
import DealStage from '#crm/models/deal_stage'

/** A new open stage, after the other open stages (won and lost move down one). */
export default class CreateDealStage {
  async handle(input: { name: string; defaultProbability: number }) {
    const stages = await lockedStages()
    await checkStageName(input.name, 'open')
    const openCount = stages.filter((stage) => stage.kind === 'open').length
    for (const terminal of stages.filter((stage) => stage.kind !== 'open')) {
      terminal.position += 1
      await terminal.save()
    }
    const stage = await DealStage.create({ name: input.name, kind: 'open', position: openCount + 1, defaultProbability: input.defaultProbability })
    await recordAudit({ entityType: 'deal_stage', entityId: stage.id, action: 'created', after: { name: stage.name, defaultProbability: stage.defaultProbability } })
    return stage
  }
}
