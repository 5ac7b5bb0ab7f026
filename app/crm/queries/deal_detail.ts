import ClientActivity from '#crm/models/client_activity'
import Deal from '#crm/models/deal'
import type { DealActivityDto, DealDto } from '#crm/dtos/deal'
import { presentDeal, staffNames } from '#crm/queries/present_deals'

const DEAL_HISTORY_LIMIT = 100

/** A deal and its history (the timeline entries recorded for it), newest first. */
export async function dealDetail(dealId: string): Promise<{ deal: DealDto; history: DealActivityDto[] }> {
  const deal = await Deal.findOrFail(dealId)
  const activities = await ClientActivity.query()
    .where('dealId', deal.id)
    .orderBy('occurredAt', 'desc')
    .orderBy('createdAt', 'desc')
    .limit(DEAL_HISTORY_LIMIT)
  const names = await staffNames()
  return {
    deal: await presentDeal(deal),
    history: activities.map((activity) => ({
      id: activity.id,
      kind: activity.kind,
      body: activity.body,
      actorName: activity.actorUserId ? (names.get(activity.actorUserId) ?? null) : null,
      occurredAt: activity.occurredAt.toISO()!,
    })),
  }
}
