import { tenancy } from '#core/public/tenancy'
import { isUuid } from '#core/public/ids'
import { agencySettings } from '#core/public/agency'
import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import Tag from '#crm/models/tag'
import { toClientDto, type ClientDto } from '#crm/dtos/client'
import { toPrimaryContactDto } from '#crm/dtos/contact'
import { toTagDto, type TagDto } from '#crm/dtos/tag'
import { CLIENT_MATCHES_SQL, containsPattern } from '#crm/search/like_pattern'

export interface ClientFilters {
  search?: string
  /** Tag ids or names: a client must carry every one of them. */
  tag?: string[]
  industry?: string
  /** Clients with a deal in this stage: its id, its name, or a kind (`open`, `won`, `lost`). */
  stage?: string
  /** `false` (default): active clients; `true`: archived ones; `all`. */
  archived?: 'true' | 'false' | 'all'
  sort?: 'name' | 'revenue' | 'activity'
}

export const DEFAULT_PER_PAGE = 25

/**
 * The one place the client list is filtered and sorted (page, CSV export, API).
 * Sorting reads the (agency_id, sort key, id) indexes of 0005_crm.ts; tags are
 * probed through client_tags_pkey. The search goes through
 * crm_client_ids_matching so the trigram index serves it under RLS.
 */
export function filteredClients(filters: ClientFilters) {
  const query = Client.query().where('agencyId', tenancy.agencyId())
  const search = filters.search?.trim()
  if (search) query.whereRaw(CLIENT_MATCHES_SQL, [containsPattern(search)])
  const tags = [...new Set(filters.tag ?? [])]
  // One semi-join per tag (client_tags_pkey): a client must carry every one.
  for (const tag of tags) {
    const tagId = isUuid(tag) ? tag : null
    query.whereExists((sub) => {
      sub.from('client_tags').whereColumn('client_tags.client_id', 'clients.id')
      if (tagId) sub.where('client_tags.tag_id', tagId)
      else sub.join('tags', 'tags.id', 'client_tags.tag_id').whereRaw('lower(tags.name) = ?', [tag.toLowerCase()])
    })
  }
  if (filters.industry) query.whereRaw('lower(industry) = ?', [filters.industry.toLowerCase()])
  if (filters.stage) {
    const stage = filters.stage.toLowerCase()
    // RLS hides deals from members, so for them this filter finds nothing.
    query.whereExists((sub) =>
      sub
        .from('deals')
        .join('deal_stages', 'deal_stages.id', 'deals.stage_id')
        .whereColumn('deals.client_id', 'clients.id')
        .where((match) => match.whereRaw('deal_stages.id::text = ?', [stage]).orWhereRaw('lower(deal_stages.name) = ?', [stage]).orWhere('deal_stages.kind', stage))
    )
  }
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

/**
 * One page of the filtered list, with the total across all pages. A search or
 * a tag filter scans the matching rows anyway, so the total comes with the
 * page (one window count, one scan); without them the page is read straight
 * off the sort order's index and counted apart.
 */
export async function listClients(filters: ClientFilters, page = 1, perPage: number = DEFAULT_PER_PAGE) {
  const narrowed = Boolean(filters.search?.trim() || filters.tag?.length)
  const query = filteredClients(filters).forPage(page, perPage)
  if (narrowed) query.select('clients.*', tenancy.client().raw('count(*) over () as total_count'))
  const rows = await query
  // Past the last page no row carries the total.
  const total = narrowed && rows.length ? Number(rows[0].$extras.total_count) : await countClients(filters)
  return {
    clients: await toClientDtos(rows, await agencyCurrency()),
    total,
    page,
    perPage,
    lastPage: Math.max(1, Math.ceil(total / perPage)),
  }
}

async function countClients(filters: ClientFilters) {
  const [row] = await filteredClients(filters).clearOrder().count('* as total')
  return Number(row.$extras.total)
}
