import { searchProviders } from '#core/search/search_registry'

const PER_GROUP = 5

/** Every registered provider, one after another on the request's transaction (it is a single connection). */
export async function globalSearch(term: string) {
  const groups = []
  for (const provider of searchProviders()) {
    const hits = await provider.search(term, PER_GROUP)
    if (hits.length) groups.push({ key: provider.key, label: provider.label, hits })
  }
  return { groups }
}
