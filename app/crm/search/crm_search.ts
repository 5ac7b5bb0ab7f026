import type { SearchProvider } from '#core/public/search'
import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import Deal from '#crm/models/deal'
import { CLIENT_MATCHES_SQL, containsPattern } from '#crm/search/like_pattern'

/** Each query matches a trigram-indexed expression (see database/migrations/0005_crm.ts). */
export const clientSearch: SearchProvider = {
  label: 'Clients',
  async search(term, limit) {
    const clients = await Client.query()
      .whereRaw(CLIENT_MATCHES_SQL, [containsPattern(term)])
      .orderByRaw('archived_at is not null, lower(company_name)')
      .limit(limit)
    return clients.map((client) => ({
      id: client.id,
      title: client.companyName,
      subtitle: client.archivedAt ? 'Archived' : client.industry,
      href: `/clients/${client.id}`,
    }))
  },
}

export const contactSearch: SearchProvider = {
  label: 'Contacts',
  async search(term, limit) {
    const contacts = await Contact.query()
      .whereRaw(`lower(name || ' ' || coalesce(email, '')) like ?`, [containsPattern(term)])
      .orderByRaw('lower(name)')
      .limit(limit)
    const companies = await Client.query()
      .whereIn('id', [...new Set(contacts.map((contact) => contact.clientId))])
      .select('id', 'companyName')
    const names = new Map(companies.map((client) => [client.id, client.companyName]))
    return contacts.map((contact) => ({
      id: contact.id,
      title: contact.name,
      subtitle: [contact.email, names.get(contact.clientId)].filter(Boolean).join(' · ') || null,
      href: `/clients/${contact.clientId}`,
    }))
  },
}

export const dealSearch: SearchProvider = {
  label: 'Deals',
  async search(term, limit) {
    const deals = await Deal.query()
      .whereRaw(`lower(title || ' ' || coalesce(prospect_company_name, '')) like ?`, [containsPattern(term)])
      .preload('client')
      .preload('stage')
      .orderBy('updatedAt', 'desc')
      .limit(limit)
    return deals.map((deal) => ({
      id: deal.id,
      title: deal.title,
      subtitle: `${deal.stage.name} · ${deal.client?.companyName ?? deal.prospectCompanyName}`,
      href: `/deals/${deal.id}`,
    }))
  },
}
