import Client from '#crm/models/client'
import { CLIENT_MATCHES_SQL, containsPattern } from '#crm/search/like_pattern'

export interface ClientOptionDto {
  id: string
  companyName: string
}

/** Clients to pick for a deal: active ones matching the search (trigram-indexed), by name. */
export async function clientOptions(search?: string): Promise<ClientOptionDto[]> {
  const query = Client.query().whereNull('archivedAt').orderByRaw('lower(company_name)').orderBy('id').limit(20)
  if (search) query.whereRaw(CLIENT_MATCHES_SQL, [containsPattern(search)])
  const clients = await query.select('id', 'companyName')
  return clients.map((client) => ({ id: client.id, companyName: client.companyName }))
}

export async function clientOption(id: string): Promise<ClientOptionDto | null> {
  const client = await Client.find(id)
  return client ? { id: client.id, companyName: client.companyName } : null
}
