import Client from '#crm/models/client'

/** The industries in use, for the list's filter (clients_industry_idx). */
export async function industryOptions(): Promise<string[]> {
  const rows = await Client.query()
    .whereNotNull('industry')
    .select('industry')
    .distinctOn('industry')
    .orderBy('industry')
  return rows.map((row) => row.industry!)
}
