/**
 * The client page lists records that live in higher modules (projects,
 * invoices). Each registers a reader here at boot; crm never imports them.
 */
export interface RelatedRecord {
  id: string
  title: string
  /** e.g. a status or an amount, already formatted for display. */
  detail: string | null
  /** Null for entries with no page of their own (e.g. an access log line). */
  href: string | null
}

export interface ClientRelation {
  label: string
  /** Runs in the request's tenant transaction (RLS applies); null hides the section from this caller. */
  list(clientId: string): Promise<RelatedRecord[] | null>
}

const relations = new Map<string, ClientRelation>()

export function registerClientRelation(key: string, relation: ClientRelation) {
  relations.set(key, relation)
}

export async function relatedRecords(clientId: string) {
  const sections = []
  for (const [key, relation] of relations) {
    const records = await relation.list(clientId)
    if (records) sections.push({ key, label: relation.label, records })
  }
  return sections
}
