import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import type { RelatedRecord } from '#crm/public/client_relations'
import { contactNames } from '#crm/public/portal_access'

export interface PortalActivityEntry {
  id: string
  contactId: string | null
  contactName: string | null
  action: string
  subjectType: string | null
  subjectId: string | null
  detail: string | null
  ip: string | null
  createdAt: string
}

const VERBS: Record<string, string> = {
  sign_in: 'signed in',
  sign_out: 'signed out',
  view: 'viewed',
  download: 'downloaded',
  approve: 'approved',
  request_revision: 'requested a revision of',
  feedback: 'sent feedback on',
}

/**
 * A `pay` entry records the contact clicking Pay (its detail is where that led), not a
 * payment: "paid checkout" would claim money that may never come.
 */
const PAY: Record<string, string> = {
  checkout: 'went to Stripe Checkout to pay an invoice',
  instructions: 'viewed the payment instructions of an invoice',
  nothing_due: 'tried to pay an invoice with nothing due',
}

/** "Carla Client downloaded brand-guide.pdf" */
export function describePortalActivity(entry: Pick<PortalActivityEntry, 'contactName' | 'action' | 'subjectType' | 'detail'>) {
  const who = entry.contactName ?? 'A former contact'
  if (entry.action === 'pay') return `${who} ${PAY[entry.detail ?? ''] ?? 'went to pay an invoice'}`
  const verb = VERBS[entry.action] ?? entry.action.replaceAll('_', ' ')
  const what = entry.detail ?? entry.subjectType ?? ''
  return entry.action === 'sign_in' || entry.action === 'sign_out' || !what ? `${who} ${verb}` : `${who} ${verb} ${what}`
}

/** A client's portal access log, newest first (owners and managers: RLS lets only them read it). */
export async function listPortalActivity(clientId: string, { page = 1, perPage = 25 }: { page?: number; perPage?: number } = {}) {
  const query = tenancy.client().from('portal_access_logs').where('client_id', clientId)
  const [{ total }] = await query.clone().count('* as total')
  const rows = await query
    .select('id', 'contact_id', 'action', 'subject_type', 'subject_id', 'detail', 'ip', 'created_at')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset((page - 1) * perPage)
    .limit(perPage)
  const names = await contactNames(rows.map((row) => row.contact_id).filter(Boolean))
  const entries: PortalActivityEntry[] = rows.map((row) => ({
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_id ? (names.get(row.contact_id) ?? null) : null,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    detail: row.detail,
    ip: row.ip,
    createdAt: new Date(row.created_at).toISOString(),
  }))
  return { entries, total: Number(total), page, perPage }
}

/**
 * The client page's "Portal activity" section (crm's client relations seam):
 * the latest entries, for the owner and managers only — hidden from members,
 * who cannot read the log.
 */
export async function recentPortalActivityRecords(clientId: string): Promise<RelatedRecord[] | null> {
  const role = tenancy.current()?.role
  if (role !== 'owner' && role !== 'manager') return null
  const { entries } = await listPortalActivity(clientId, { perPage: 15 })
  const { timezone } = await agencySettings(tenancy.agencyId())
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' })
  return entries.map((entry) => ({
    id: entry.id,
    title: describePortalActivity(entry),
    detail: format.format(new Date(entry.createdAt)),
    href: null,
  }))
}
