import { tenancy } from '#core/public/tenancy'
import Deal from '#crm/models/deal'
import DealStage from '#crm/models/deal_stage'

/**
 * Serialises writes to the given board columns until the transaction ends,
 * so concurrent moves and creates keep positions dense. Locks are taken in
 * id order: two moves between the same columns cannot deadlock.
 */
export async function lockColumns(stageIds: string[]) {
  await DealStage.query().whereIn('id', [...new Set(stageIds)]).orderBy('id').forUpdate()
}

/**
 * Renumbers a column 0…n-1 keeping its order, with `placed` (if given)
 * inserted at its 0-based index (clamped; the end by default).
 */
export async function renumberColumn(stageId: string, placed?: { dealId: string; index?: number }) {
  const query = Deal.query().where('stageId', stageId).orderBy('position').orderBy('createdAt').orderBy('id').select('id')
  if (placed) query.whereNot('id', placed.dealId)
  const ids = (await query).map((deal) => deal.id)
  if (placed) ids.splice(Math.min(placed.index ?? ids.length, ids.length), 0, placed.dealId)
  if (!ids.length) return
  await tenancy.client().rawQuery(
    `update deals set position = ordered.position - 1
       from unnest(?::uuid[]) with ordinality as ordered(id, position)
      where deals.id = ordered.id and deals.position <> ordered.position - 1`,
    [ids]
  )
}

/** Where a new card goes: the end of its column. */
export async function nextPosition(stageId: string) {
  const row = await tenancy.client().from('deals').where('stage_id', stageId).count('* as count').first()
  return Number(row?.count ?? 0)
}
