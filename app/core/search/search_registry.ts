/** One result of the header's global search. */
export interface SearchHit {
  id: string
  title: string
  subtitle: string | null
  href: string
}

export interface SearchProvider {
  /** Groups results in the search box ("Clients", "Deals"…). */
  label: string
  /** Runs inside the request's tenant transaction, so RLS scopes what it finds. */
  search(term: string, limit: number): Promise<SearchHit[]>
}

const providers = new Map<string, SearchProvider>()

/** Each module adds what it can find (clients, deals, projects, invoices…) at boot. */
export function registerSearchProvider(key: string, provider: SearchProvider) {
  providers.set(key, provider)
}

export function searchProviders() {
  return [...providers.entries()].map(([key, provider]) => ({ key, ...provider }))
}
