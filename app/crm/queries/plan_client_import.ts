import { tenancy } from '#core/public/tenancy'
import Client from '#crm/models/client'
import Tag from '#crm/models/tag'
import {
  isRejected,
  parseClientCsv,
  planImport,
  validateRecord,
  type ImportPlan,
  type ImportRow,
  type RejectedRow,
} from '#crm/import/client_csv'

/** What importing this file would do, without writing anything. */
export async function planClientImport(file: Buffer): Promise<ImportPlan> {
  const { records, rejected } = parseClientCsv(file)
  const rows: (ImportRow | RejectedRow)[] = [...rejected]
  for (const record of records) rows.push(await validateRecord(record))
  const names = [...new Set(rows.flatMap((row) => (isRejected(row) ? [] : [row.company.toLowerCase()])))]
  const existing = names.length
    ? await Client.query()
        .where('agencyId', tenancy.agencyId())
        .whereRaw(`lower(company_name) in (${names.map(() => '?').join(', ')})`, names)
        .select('companyName')
    : []
  const tags = await Tag.query().select('name')
  return planImport(rows, {
    companies: new Set(existing.map((client) => client.companyName.toLowerCase())),
    tags: new Set(tags.map((tag) => tag.name.toLowerCase())),
  })
}

/** The preview as pages and the API show it: counts, the rejected rows with their reasons, and the first clients. */
export function toImportSummary(plan: ImportPlan, options: { sample?: number; maxRejected?: number } = {}) {
  return {
    rows: plan.rows,
    clients: plan.clients.length,
    contacts: plan.contacts,
    newTags: plan.newTags,
    rejected: plan.rejected.slice(0, options.maxRejected ?? plan.rejected.length),
    rejectedTotal: plan.rejected.length,
    sample: plan.clients.slice(0, options.sample ?? 20).map((client) => ({
      companyName: client.companyName,
      contacts: client.contacts.map((contact) => contact.name),
      tags: client.tags,
    })),
  }
}

export type ImportSummaryDto = ReturnType<typeof toImportSummary>
