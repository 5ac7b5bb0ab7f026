import { DateTime } from 'luxon'
import CreateClient from '#crm/actions/create_client'
import CreateContact from '#crm/actions/create_contact'
import CreateDeal from '#crm/actions/create_deal'
import CreateTag from '#crm/actions/create_tag'
import LogClientActivity from '#crm/actions/log_client_activity'
import MoveDealStage from '#crm/actions/move_deal_stage'
import Client from '#crm/models/client'
import ClientActivity from '#crm/models/client_activity'
import { findStage } from '#crm/queries/deal_stages'

const TAGS = [
  { name: 'Retainer', color: '#0f766e' },
  { name: 'Enterprise', color: '#1d4ed8' },
  { name: 'E-commerce', color: '#b45309' },
  { name: 'Non-profit', color: '#be185d' },
  { name: 'Priority', color: '#dc2626' },
]

const CLIENTS = [
  { companyName: 'Northwind Outfitters', industry: 'Retail', website: 'https://northwind.example', tags: ['E-commerce', 'Retainer'], contacts: [['Hannah Cole', 'hannah@northwind.example', 'Head of Digital'], ['Omar Haddad', 'omar@northwind.example', 'Finance Manager']] },
  { companyName: 'Helios Energy', industry: 'Energy', website: 'https://helios.example', tags: ['Enterprise', 'Priority'], contacts: [['Sofia Lindqvist', 'sofia@helios.example', 'CMO'], ['Jonas Berg', 'jonas@helios.example', 'Procurement']] },
  { companyName: 'Little Paws Rescue', industry: 'Non-profit', website: 'https://littlepaws.example', tags: ['Non-profit'], contacts: [['Grace Okafor', 'grace@littlepaws.example', 'Director']] },
  { companyName: 'Atlas Logistics', industry: 'Logistics', website: 'https://atlas.example', tags: ['Enterprise'], contacts: [['Ravi Menon', 'ravi@atlas.example', 'VP Operations'], ['Claire Dubois', 'claire@atlas.example', 'Marketing Lead']] },
  { companyName: 'Juniper & Sage', industry: 'Hospitality', website: 'https://juniper.example', tags: ['Retainer'], contacts: [['Mateo Rossi', 'mateo@juniper.example', 'Owner']] },
  { companyName: 'Quanta Health', industry: 'Healthcare', website: 'https://quanta.example', tags: ['Enterprise', 'Priority'], contacts: [['Dr. Leah Kim', 'leah@quanta.example', 'Chief Digital Officer']] },
  { companyName: 'Bloom Cosmetics', industry: 'Retail', website: 'https://bloom.example', tags: ['E-commerce'], contacts: [['Yasmin Farouk', 'yasmin@bloom.example', 'Brand Manager']] },
  { companyName: 'Old Harbor Brewing', industry: 'Food & drink', website: 'https://oldharbor.example', tags: [], contacts: [['Pete Sullivan', 'pete@oldharbor.example', 'Co-founder']] },
] as const

type Step = { stage: string; lostReason?: string }
const DEALS: Array<{ client: string; title: string; value: number; closeInDays: number | null; ownerEmail: string; moves: Step[]; description: string }> = [
  { client: 'Northwind Outfitters', title: 'Storefront redesign', value: 4_800_000, closeInDays: -20, ownerEmail: 'marcus@brightwave.demo', moves: [{ stage: 'proposal' }, { stage: 'negotiation' }, { stage: 'won' }], description: 'Headless storefront, new design system and checkout.' },
  { client: 'Juniper & Sage', title: 'Brand refresh and booking site', value: 1_850_000, closeInDays: -45, ownerEmail: 'priya@brightwave.demo', moves: [{ stage: 'proposal' }, { stage: 'won' }], description: 'Logo refresh, photography direction, table bookings.' },
  { client: 'Helios Energy', title: 'Customer portal MVP', value: 9_500_000, closeInDays: 25, ownerEmail: 'marcus@brightwave.demo', moves: [{ stage: 'proposal' }, { stage: 'negotiation' }], description: 'Self-service portal for business customers: usage, invoices, tickets.' },
  { client: 'Atlas Logistics', title: 'Fleet tracking dashboard', value: 6_200_000, closeInDays: 55, ownerEmail: 'priya@brightwave.demo', moves: [{ stage: 'proposal' }], description: 'Live map and KPIs for dispatchers.' },
  { client: 'Quanta Health', title: 'Patient app discovery', value: 2_400_000, closeInDays: 40, ownerEmail: 'marcus@brightwave.demo', moves: [{ stage: 'proposal' }], description: 'Four-week discovery sprint with prototypes.' },
  { client: 'Bloom Cosmetics', title: 'Holiday campaign microsite', value: 900_000, closeInDays: 12, ownerEmail: 'priya@brightwave.demo', moves: [{ stage: 'proposal' }, { stage: 'negotiation' }], description: 'Campaign microsite with gift finder.' },
  { client: 'Little Paws Rescue', title: 'Donation flow rebuild', value: 650_000, closeInDays: 80, ownerEmail: 'priya@brightwave.demo', moves: [], description: 'Recurring donations and Gift Aid.' },
  { client: 'Old Harbor Brewing', title: 'Taproom website', value: 780_000, closeInDays: 100, ownerEmail: 'marcus@brightwave.demo', moves: [], description: 'Events calendar and online shop.' },
  { client: 'Atlas Logistics', title: 'Warehouse intranet', value: 3_100_000, closeInDays: -10, ownerEmail: 'marcus@brightwave.demo', moves: [{ stage: 'proposal' }, { stage: 'lost', lostReason: 'Went with their in-house team' }], description: 'Intranet for warehouse staff.' },
]

const ACTIVITIES: Array<{ client: string; kind: 'note' | 'call' | 'meeting' | 'email'; body: string; daysAgo: number }> = [
  { client: 'Northwind Outfitters', kind: 'meeting', body: 'Kick-off workshop with Hannah and the e-commerce team: agreed on phased launch.', daysAgo: 18 },
  { client: 'Northwind Outfitters', kind: 'email', body: 'Sent the signed SOW and the project plan.', daysAgo: 15 },
  { client: 'Helios Energy', kind: 'call', body: 'Sofia wants SSO with their Azure AD in phase one.', daysAgo: 6 },
  { client: 'Helios Energy', kind: 'note', body: 'Procurement needs three references before signing.', daysAgo: 3 },
  { client: 'Atlas Logistics', kind: 'meeting', body: 'Demo of the fleet map prototype went well; Ravi asked for a quote.', daysAgo: 9 },
  { client: 'Quanta Health', kind: 'email', body: 'Shared discovery sprint outline and timeline.', daysAgo: 4 },
  { client: 'Little Paws Rescue', kind: 'call', body: 'Grace asked about non-profit pricing.', daysAgo: 2 },
]

/** Runs a step, then dates the timeline entries it wrote `daysAgo` days back. */
async function backdated<T>(daysAgo: number, step: () => Promise<T>) {
  const since = DateTime.now()
  const result = await step()
  await ClientActivity.query()
    .where('occurredAt', '>=', since.toJSDate())
    .update({ occurredAt: DateTime.now().minus({ days: daysAgo + 3 }).toJSDate() })
  return result
}

/** Clients with contacts and tags, deals in every stage (two won into projects, one lost), a timeline. */
export async function seedDemoCrm(team: Map<string, string>) {
  const tagIds = new Map<string, string>()
  for (const tag of TAGS) tagIds.set(tag.name, (await new CreateTag().handle(tag)).id)

  const clientIds = new Map<string, string>()
  for (const { contacts, tags, ...fields } of CLIENTS) {
    const [[name, email, jobTitle], ...others] = contacts
    const client = await new CreateClient().handle({ ...fields, tagIds: tags.map((tag) => tagIds.get(tag)!), primaryContact: { name, email, jobTitle } })
    for (const [otherName, otherEmail, otherTitle] of others) {
      await new CreateContact().handle(client, { name: otherName, email: otherEmail, jobTitle: otherTitle, isBillingContact: otherTitle.includes('Finance') })
    }
    clientIds.set(client.companyName, client.id)
  }

  for (const deal of DEALS) {
    // Each step of the deal's history happened a week apart, the last one a few days ago.
    let age = (deal.moves.length + 1) * 7
    const created = await backdated(age, () =>
      new CreateDeal().handle({
        title: deal.title,
        description: deal.description,
        value: deal.value,
        clientId: clientIds.get(deal.client),
        ownerId: team.get(deal.ownerEmail) ?? null,
        expectedCloseDate: deal.closeInDays === null ? null : DateTime.now().plus({ days: deal.closeInDays }).toISODate(),
      })
    )
    for (const move of deal.moves) {
      const stage = await findStage(move.stage)
      if (!stage) throw new Error(`The demo pipeline has no ${move.stage} stage`)
      age -= 7
      await backdated(age, () => new MoveDealStage().handle({ dealId: created.id, stage, lostReason: move.lostReason }))
    }
  }
  // A prospect that is not a client yet.
  await new CreateDeal().handle({
    title: 'Museum audio guide app',
    value: 5_400_000,
    client: { companyName: 'Riverside Museum', contactName: 'Elena Petrova', contactEmail: 'elena@riverside.example' },
    ownerId: team.get('priya@brightwave.demo') ?? null,
    expectedCloseDate: DateTime.now().plus({ days: 70 }).toISODate(),
  })

  for (const activity of ACTIVITIES) {
    const client = await Client.findOrFail(clientIds.get(activity.client))
    await new LogClientActivity().handle(client, {
      kind: activity.kind,
      body: activity.body,
      occurredAt: DateTime.now().minus({ days: activity.daysAgo }).toISO()!,
    })
  }
}
