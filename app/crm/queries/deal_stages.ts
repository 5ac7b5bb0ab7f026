import { isUuid } from '#core/public/ids'
import DealStage from '#crm/models/deal_stage'

/** The board's column order: open stages by position, then won, then lost. */
export const STAGE_ORDER_SQL = `case kind when 'open' then 0 when 'won' then 1 else 2 end, position, lower(name)`

export function orderedStages() {
  return DealStage.query().orderByRaw(STAGE_ORDER_SQL)
}

/**
 * A stage named by id, by name (any case) or by its terminal kind (`won`,
 * `lost`, whatever those stages are called now). Open stages may not be
 * named "won" or "lost", so the kind never shadows another stage.
 */
export async function findStage(ref: string) {
  const wanted = ref.trim()
  const id = isUuid(wanted) ? wanted : null
  if (id) return DealStage.find(id)
  const byName = await DealStage.query().whereRaw('lower(name) = ?', [wanted.toLowerCase()]).first()
  if (byName) return byName
  const kind = wanted.toLowerCase()
  return kind === 'won' || kind === 'lost' ? DealStage.findBy('kind', kind) : null
}

/** Stages to pick in a filter, in board order. */
export async function stageOptions() {
  return (await orderedStages().select('id', 'name')).map((stage) => ({ id: stage.id, name: stage.name }))
}
