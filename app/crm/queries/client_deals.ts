import Deal from '#crm/models/deal'

export interface ClientDealDto {
  id: string
  title: string
  stage: { name: string; kind: 'open' | 'won' | 'lost' }
  /** Minor units of `currency`. */
  value: number
  currency: string
  probability: number
  expectedCloseDate: string | null
}

/** The deals of one client for its page (RLS shows members none). */
export async function clientDeals(clientId: string): Promise<ClientDealDto[]> {
  const deals = await Deal.query().where('clientId', clientId).preload('stage').orderBy('createdAt', 'desc').orderBy('id')
  return deals.map((deal) => ({
    id: deal.id,
    title: deal.title,
    stage: { name: deal.stage.name, kind: deal.stage.kind },
    value: Number(deal.valueCents),
    currency: deal.currency,
    probability: deal.probability,
    expectedCloseDate: deal.expectedCloseDate?.toISODate() ?? null,
  }))
}
