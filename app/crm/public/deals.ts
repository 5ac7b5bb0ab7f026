import Deal from '#crm/models/deal'

/**
 * Deal titles by id, for records that came from a deal (a project's source
 * deal). Members see no deals (RLS), so their map is empty.
 */
export async function dealTitles(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const deals = await Deal.query().whereIn('id', [...new Set(ids)]).select('id', 'title')
  return new Map(deals.map((deal) => [deal.id, deal.title]))
}
