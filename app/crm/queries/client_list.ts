import { tenancy } from '#core/public/tenancy'
import { agencySettings } from '#core/public/agency'
import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import Tag from '#crm/models/tag'
import { toClientDto, type ClientDto } from '#crm/dtos/client'
import { toPrimaryContactDto } from '#crm/dtos/contact'
import { toTagDto, type TagDto } from '#crm/dtos/tag'
import { containsPattern } from '#crm/search/like_pattern'

export interface ClientFilters {
  search?: string
  /** Tag ids: a client must carry every one of them. */
  tag?: string[]
  industry?: string
  /** `false` (default): active clients; `true`: archived ones; `all`. */
  archived?: 'true' | 'false' | 'all'
  sort?: 'name' | 'revenue' | 'activity'
}

export const DEFAULT_PER_PAGE = 25

/**
 * The one place the client list is filtered and sorted (page, CSV export, API).
 * Each condition matches an index of 0005_crm.ts: the trigram index on
 * search_text, client_tags_tag_idx, and one (agency_id, sort key, id) index
 * per sort order.
 */
export function filteredClients(filters: ClientFilters) {
  const query = Client.query().where('agencyId', tenancy.agencyId())
  const search = filters.search?.trim()
  if (search) query.whereRaw('search_text like ?', [containsPattern(search)])
  const tags = [...new Set(filters.tag ?? [])]
  if (tags.length) {
    query.whereIn('id', (sub) =>
      sub
        .from('client_tags')
        .select('client_id')
        .whereIn('tag_id', tags)
        .groupBy('client_id')
        .havingRaw('count(*) = ?', [tags.length])
    )
  }
  if (filters.industry) query.whereRaw('lower(industry) = ?', [filters.industry.toLowerCase()])
  const archived = filters.archived ?? 'false'
  if (archived === 'false') query.whereNull('archivedAt')
  if (archived === 'true') query.whereNotNull('archivedAt')

  switch (filters.sort ?? 'name') {
    case 'revenue':
      query.orderBy('lifetimeRevenueCents', 'desc')
      break
    case 'activity':
      query.orderBy('lastActivityAt', 'desc')
      break
    default:
      query.orderByRaw('lower(company_name)')
  }
  return query.orderBy('id')
}

/** Primary contacts and tags for a page of clients: one query each, whatever the page size. */
export async function toClientDtos(clients: Client[], currency: string): Promise<ClientDto[]> {
  const ids = clients.map((client) => client.id)
  if (!ids.length) return []
  const contacts = await Contact.query().whereIn('clientId', ids).where('isPrimary', true)
  const tagRows = await Tag.query()
    .join('client_tags', 'client_tags.tag_id', 'tags.id')
    .whereIn('client_tags.client_id', ids)
    .select('tags.id', 'tags.name', 'tags.color', 'client_tags.client_id as tag_client_id')
    .orderByRaw('lower(tags.name)')
  const primary = new Map(contacts.map((contact) => [contact.clientId, toPrimaryContactDto(contact)]))
  const tags = new Map<string, TagDto[]>()
  for (const tag of tagRows) {
    const clientId = tag.$extras.tag_client_id as string
    tags.set(clientId, [...(tags.get(clientId) ?? []), toTagDto(tag)])
  }
  return clients.map((client) =>
    toClientDto(client, { primaryContact: primary.get(client.id) ?? null, tags: tags.get(client.id) ?? [], currency })
  )
}

export async function agencyCurrency() {
  return (await agencySettings(tenancy.agencyId())).currency
}

/** One page of the filtered list, with the total across all pages. */
export async function listClients(filters: ClientFilters, page = 1, perPage: number = DEFAULT_PER_PAGE) {
  const result = await filteredClients(filters).paginate(page, perPage)
  const currency = await agencyCurrency()
  return {
    clients: await toClientDtos(result.all(), currency),
    total: result.total,
    page: result.currentPage,
    perPage: result.perPage,
    lastPage: result.lastPage,
  }
}
