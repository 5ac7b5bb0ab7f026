import Client from '#crm/models/client'

/** Company names by client id, for modules that show a client next to their own records (RLS applies). */
export async function clientNames(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const clients = await Client.query().whereIn('id', [...new Set(ids)]).select('id', 'companyName')
  return new Map(clients.map((client) => [client.id, client.companyName]))
}
