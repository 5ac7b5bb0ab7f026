import { fieldError } from '#core/public/errors'
import DealStage, { type StageKind } from '#crm/models/deal_stage'
import { orderedStages } from '#crm/queries/deal_stages'

/**
 * Names are unique per agency whatever their case, and "won" / "lost" name
 * only the terminal stages, so the API's `stage: "won"` is never ambiguous.
 */
export async function checkStageName(name: string, kind: StageKind, exceptId?: string) {
  const lower = name.toLowerCase()
  if ((lower === 'won' || lower === 'lost') && lower !== kind) {
    fieldError('name', `“${name}” is reserved for the ${lower} stage`, 'reserved')
  }
  const query = DealStage.query().whereRaw('lower(name) = ?', [lower])
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) fieldError('name', `There is already a stage called “${name}”`, 'unique')
}

/** All stages, locked (in id order, like lockColumns) until the transaction ends, in board order. */
export async function lockedStages() {
  await DealStage.query().orderBy('id').forUpdate()
  return orderedStages()
}

/** Open stages in the given order at 1…n, then won and lost: terminal stages always come last. */
export async function renumberStages(stages: DealStage[], openIdsInOrder: string[]) {
  const open = openIdsInOrder.map((id) => stages.find((stage) => stage.id === id)!)
  const terminal = stages.filter((stage) => stage.kind !== 'open')
  for (const [index, stage] of [...open, ...terminal].entries()) {
    if (stage.position !== index + 1) {
      stage.position = index + 1
      await stage.save()
    }
  }
}
