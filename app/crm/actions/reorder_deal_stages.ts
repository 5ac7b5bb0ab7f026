import { recordAudit } from '#core/public/audit'
import { fieldError } from '#core/public/errors'
import { lockedStages, renumberStages } from '#crm/actions/deal_stage_rules'

/** Puts the open stages in the given order (won and lost may be listed; they always stay last). */
export default class ReorderDealStages {
  async handle(stageIds: string[]) {
    const stages = await lockedStages()
    const open = stages.filter((stage) => stage.kind === 'open')
    const terminalIds = new Set(stages.filter((stage) => stage.kind !== 'open').map((stage) => stage.id))
    const wanted = stageIds.filter((id) => !terminalIds.has(id))
    const openIds = new Set(open.map((stage) => stage.id))
    if (wanted.length !== open.length || !wanted.every((id) => openIds.has(id))) {
      fieldError('stageIds', 'List every open stage exactly once', 'stages')
    }
    await renumberStages(stages, wanted)
    await recordAudit({
      entityType: 'deal_stage',
      entityId: open[0].id,
      action: 'reordered',
      before: { order: open.map((stage) => stage.name) },
      after: { order: wanted.map((id) => open.find((stage) => stage.id === id)!.name) },
    })
  }
}
