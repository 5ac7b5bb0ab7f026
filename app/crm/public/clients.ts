import Client from '#crm/models/client'

/** Company names by client id, for modules that show a client next to their own records (RLS applies). */
export async function clientNames(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const clients = await Client.query().whereIn('id', [...new Set(ids)]).select('id', 'companyName')
  return new Map(clients.map((client) => [client.id, client.companyName]))
}

/** Active clients to choose from in other modules' forms, by name (RLS applies). */
export async function activeClientOptions(): Promise<Array<{ id: string; companyName: string }>> {
  const clients = await Client.query().whereNull('archivedAt').orderByRaw('lower(company_name)').select('id', 'companyName')
  return clients.map((client) => ({ id: client.id, companyName: client.companyName }))
}
