import { stringify } from 'csv-stringify/sync'
import { agencyCurrency, filteredClients, toClientDtos, type ClientFilters } from '#crm/queries/client_list'
import { minorToMajor, textCell } from '#core/public/spreadsheet_cells'

const COLUMNS = [
  'company',
  'industry',
  'website',
  'contact_name',
  'contact_email',
  'contact_phone',
  'tags',
  'lifetime_revenue',
  'currency',
  'last_activity',
  'archived',
]

/** Decorations are loaded a batch of clients at a time, to keep each `in (…)` list short. */
const BATCH = 1000



/** Every client of the filtered list (all pages) as CSV, in the list's order. */
export async function exportClientsCsv(filters: ClientFilters) {
  const clients = await filteredClients(filters)
  const currency = await agencyCurrency()
  const rows: string[][] = []
  for (let start = 0; start < clients.length; start += BATCH) {
    const batch = clients.slice(start, start + BATCH)
    for (const client of await toClientDtos(batch, currency)) {
      const contact = client.primaryContact
      rows.push([
        ...[client.companyName, client.industry, client.website, contact?.name, contact?.email, contact?.phone].map(textCell),
        textCell(client.tags.map((tag) => tag.name).join('; ')),
        minorToMajor(client.lifetimeRevenue, client.currency),
        client.currency,
        client.lastActivityAt,
        client.archivedAt ? 'yes' : 'no',
      ])
    }
  }
  return stringify(rows, { header: true, columns: COLUMNS })
}
