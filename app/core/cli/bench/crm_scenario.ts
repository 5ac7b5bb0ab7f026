/*
| One agency with many clients (PRODUCT.md §2: the client list must stay fast
| at 10,000 clients). Generated from a seeded PRNG, so every run has the same
| names, and written in multi-row INSERTs as the schema owner. The bench
| measures the app over HTTP; it imports no CRM code, only writes its tables.
*/
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { BENCH_PASSWORD, ownerToken, removeAgencies } from '#core/cli/bench/bench_data'
import type { Endpoint, SqlStatement } from '#core/cli/bench/measure'

const MARK = 'Bench CRM agency'
const BATCH = 1000
const PER_PAGE = 25

const PREFIXES = [
  'Northwind', 'Blue Harbor', 'Silver Pine', 'Red Fox', 'Atlas', 'Cedar', 'Summit', 'Brightline', 'Oakridge', 'Lumen',
  'Copperleaf', 'Granite', 'Ironwood', 'Juniper', 'Kestrel', 'Lighthouse', 'Maple', 'Nimbus', 'Orchard', 'Pioneer',
  'Quarry', 'Riverbend', 'Saffron', 'Tidewater', 'Upland', 'Vantage', 'Willow', 'Zephyr', 'Alder', 'Bramble',
  'Cobalt', 'Driftwood', 'Evergreen', 'Foxglove', 'Hawthorn', 'Indigo', 'Jasper', 'Kingfisher', 'Meridian', 'Sølvberg',
]
const TRADES = [
  'Bakery', 'Logistics', 'Dental', 'Architects', 'Outfitters', 'Brewing', 'Capital', 'Analytics', 'Robotics', 'Health',
  'Media', 'Travel', 'Foods', 'Studios', 'Energy', 'Legal', 'Motors', 'Fitness', 'Pharma', 'Realty', 'Textiles',
  'Software', 'Coffee', 'Books', 'Labs',
]
const LEGAL_FORMS = ['Ltd', 'GmbH', 'Inc.', 'LLC', 'BV', 'SAS', 'AB', '& Co.', '', '']
const TLDS = ['com', 'de', 'co.uk', 'io', 'fr', 'nl', 'se', 'es']
const INDUSTRIES = ['Retail', 'Hospitality', 'Healthcare', 'Finance', 'Manufacturing', 'Education', 'Real estate', 'Technology', 'Food & drink', 'Non-profit', 'Media', 'Transport']
const FIRST_NAMES = [
  'Ada', 'Ben', 'Chiara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiroshi', 'Ingrid', 'Jonas', 'Kemal', 'Lucía', 'Mateo',
  'Nadia', 'Olu', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomás', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoë',
  'Amelia', 'Bruno', 'Camille', 'Daniel', 'Emma', 'Felix', 'Hannah', 'Isaac', 'Julia', 'Karim', 'Laura', 'Marta',
  'Noah', 'Olivia', 'Pablo', 'Sofia', 'Theo', 'Valentina', 'William', 'Aiko', 'Björn', 'Chloé', 'Diego', 'Freya',
]
const SURNAMES = [
  'Smith', 'Müller', 'Rossi', 'García', 'Nakamura', 'Kowalski', 'Johansson', 'Dubois', 'Okafor', 'Patel', 'Novak',
  'Jensen', 'Silva', 'Fischer', 'Bianchi', 'Hernández', 'Tanaka', 'Nowak', 'Lindqvist', 'Lefebvre', 'Adeyemi',
  'Sharma', 'Horvat', 'Nielsen', 'Costa', 'Weber', 'Romano', 'López', 'Suzuki', 'Wiśniewski', 'Berg', 'Moreau',
  'Mensah', 'Gupta', 'Kovač', 'Larsen', 'Pereira', 'Schneider', 'Greco', 'Martín', 'Watanabe', 'Zieliński',
  'Andersson', 'Laurent', 'Eze', 'Iyer', 'Babić', 'Hansen', 'Santos', 'Wagner', 'Ricci', 'Díaz', 'Kobayashi',
  "O'Brien", 'Murphy', 'Kelly', 'Walsh', 'Byrne', 'Ryan', 'Doyle',
]
const JOB_TITLES = ['CEO', 'Marketing lead', 'Head of product', 'Operations manager', 'CTO', 'Founder', 'Office manager', 'Finance director', null]
const TAGS: [string, string][] = [
  ['VIP', '#b91c1c'], ['Retainer', '#0f766e'], ['Enterprise', '#1d4ed8'], ['SMB', '#64748b'], ['Agency partner', '#7c3aed'],
  ['Newsletter', '#ca8a04'], ['Referral', '#15803d'], ['Churn risk', '#c2410c'], ['Upsell', '#0369a1'],
  ['Public sector', '#334155'], ['Non-profit', '#be185d'], ['Priority support', '#4d7c0f'],
]

/** mulberry32: a small seeded PRNG, so the data set is the same on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Lower-case ASCII for an email address: "Müller" → "muller", "O'Brien" → "obrien". */
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()

export interface CrmBench {
  agencyId: string
  token: string
  clients: number
  contacts: number
  /** Search terms drawn from the generated data, by kind, with how many active clients match. */
  terms: { label: string; term: string; matches: number }[]
}

export async function seedCrmBenchData(options: { clients: number }): Promise<CrmBench> {
  await removeCrmBenchData()
  const owner = db.connection('owner')
  const random = prng(20_241_122)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]

  const [agency] = await owner.table('agencies').insert({ name: MARK, currency: 'EUR' }).returning('id')
  const agencyId = agency.id as string
  const [user] = await owner
    .table('users')
    .insert({ agency_id: agencyId, email: `bench-crm-${agencyId}@bench.test`, name: 'Bench owner', password: await hash.make(BENCH_PASSWORD), role: 'owner' })
    .returning('id')
  const tags = await owner
    .table('tags')
    .multiInsert(TAGS.map(([name, color]) => ({ agency_id: agencyId, name, color })))
    .returning('id')
  const tagIds = tags.map((tag) => tag.id as string)

  const now = Date.now()
  const day = 86_400_000
  const clients = []
  const contacts = []
  const clientTags = []
  for (let i = 0; i < options.clients; i++) {
    const prefix = pick(PREFIXES)
    const trade = pick(TRADES)
    const companyName = [prefix, trade, pick(LEGAL_FORMS)].filter(Boolean).join(' ')
    const domain = `${ascii(prefix)}${ascii(trade)}.${pick(TLDS)}`
    const id = randomUUID()
    const lastActivity = now - Math.floor(random() * 730 * day)
    clients.push({
      id,
      agency_id: agencyId,
      company_name: companyName,
      industry: random() < 0.85 ? pick(INDUSTRIES) : null,
      website: `https://www.${domain}`,
      // Skewed like real revenue: many small clients, a few large ones.
      lifetime_revenue_cents: Math.floor(random() ** 3 * 40_000_000) * 100,
      last_activity_at: new Date(lastActivity),
      created_at: new Date(lastActivity - Math.floor(random() * 365 * day)),
      archived_at: random() < 0.05 ? new Date(lastActivity) : null,
    })
    const people = 1 + Math.floor(random() * 3)
    for (let p = 0; p < people; p++) {
      const first = pick(FIRST_NAMES)
      const last = pick(SURNAMES)
      contacts.push({
        agency_id: agencyId,
        client_id: id,
        name: `${first} ${last}`,
        email: `${ascii(first)}.${ascii(last)}@${domain}`,
        phone: `+44 20 ${String(1000 + Math.floor(random() * 9000))} ${String(1000 + Math.floor(random() * 9000))}`,
        job_title: pick(JOB_TITLES),
        is_primary: p === 0,
        is_billing_contact: p === 0,
      })
    }
    for (const tagId of tagIds) if (random() < 0.12) clientTags.push({ agency_id: agencyId, client_id: id, tag_id: tagId })
  }

  for (const [table, rows] of [['clients', clients], ['contacts', contacts], ['client_tags', clientTags]] as const) {
    for (let start = 0; start < rows.length; start += BATCH) {
      await owner.table(table).multiInsert(rows.slice(start, start + BATCH))
    }
  }
  // Each contact rewrote its client's search text: vacuum those dead rows as a live table would have.
  await owner.rawQuery('vacuum analyze clients, contacts, client_tags')

  const sample = contacts[Math.floor(contacts.length / 3)]
  const terms = [
    { label: 'company fragment', term: clients[Math.floor(clients.length / 2)].company_name.split(' ')[0].slice(0, 6).toLowerCase() },
    { label: 'contact surname', term: sample.name.split(' ').slice(1).join(' ') },
    { label: 'email fragment', term: sample.email.split('@')[0].slice(0, -2) },
    { label: 'no match', term: 'zqxjv' },
  ]
  return {
    agencyId,
    token: await ownerToken(agencyId, user.id),
    clients: clients.length,
    contacts: contacts.length,
    terms: await Promise.all(
      terms.map(async (term) => {
        const [page] = clientListSql(agencyId, { search: term.term, order: 'lower(company_name)', page: 1 })
        const { rows } = await owner.rawQuery(page.sql, page.bindings!)
        return { ...term, matches: Number(rows[0]?.total ?? 0) }
      })
    ),
  }
}

/** Searches for each kind of term, and a page deep into the list sorted by revenue. */
export function crmEndpoints(bench: CrmBench): Endpoint[] {
  return [
    ...bench.terms.map(({ label, term, matches }) => ({
      path: `/api/clients?search=${encodeURIComponent(term)}`,
      sql: clientListSql(bench.agencyId, { search: term, order: 'lower(company_name)', page: 1 }),
      note: `${label}, ${matches} matches`,
    })),
    {
      path: '/api/clients?sort=revenue&page=7',
      sql: clientListSql(bench.agencyId, { order: 'lifetime_revenue_cents desc', page: 7 }),
      note: 'sorted page',
    },
  ]
}

/** `%term%` for LIKE on the lower-cased search text, with % and _ taken literally (as the client list does). */
const containsPattern = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`

/**
 * GET /api/clients in SQL (app/crm/queries/client_list.ts): a searched list
 * reads its page and total in one windowed query, an unsearched one counts
 * apart and reads the page off the sort index; then each client's primary
 * contact and tags.
 */
function clientListSql(agencyId: string, options: { search?: string; order: string; page: number }): SqlStatement[] {
  const where = `agency_id = ? and archived_at is null${options.search ? ' and search_text like ?' : ''}`
  const bindings = options.search ? [agencyId, containsPattern(options.search)] : [agencyId]
  const total = options.search ? 'count(*) over () as total' : '0 as total'
  const page = `select *, ${total} from clients where ${where} order by ${options.order}, id limit ${PER_PAGE} offset ${(options.page - 1) * PER_PAGE}`
  return [
    ...(options.search ? [] : [{ sql: `select count(*)::int as total from clients where ${where}`, bindings }]),
    {
      sql: `with page as (${page})
            select page.*, primary_contact.name, primary_contact.email,
                   (select coalesce(json_agg(t.name order by lower(t.name)), '[]') from client_tags ct join tags t on t.id = ct.tag_id
                    where ct.client_id = page.id) as tags
            from page left join contacts primary_contact on primary_contact.client_id = page.id and primary_contact.is_primary`,
      bindings,
    },
  ]
}

export function removeCrmBenchData() {
  return removeAgencies(MARK)
}
