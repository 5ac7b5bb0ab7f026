import { randomUUID } from 'node:crypto'
import { tenancy } from '#core/public/tenancy'
import { recordAudit } from '#core/public/audit'
import Tag from '#crm/models/tag'
import type { ImportPlan } from '#crm/import/client_csv'

/** Rows per multi-row insert: well under PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500

/**
 * Writes a planned import (see planClientImport) in the request's transaction:
 * the good rows' clients, their contacts and tags, and the tags the agency did
 * not have yet. A failure anywhere writes nothing.
 */
export default class ImportClients {
  async handle(plan: ImportPlan) {
    const trx = tenancy.client()
    const agencyId = tenancy.agencyId()

    const tagIds = new Map((await Tag.query().select('id', 'name')).map((tag) => [tag.name.toLowerCase(), tag.id]))
    for (const name of plan.newTags) {
      const tag = await Tag.create({ name })
      tagIds.set(name.toLowerCase(), tag.id)
      await recordAudit({ entityType: 'tag', entityId: tag.id, action: 'created', after: { name, source: 'import' } })
    }

    const clients = plan.clients.map((client) => ({ ...client, id: randomUUID() }))
    const contacts = clients.flatMap((client) =>
      client.contacts.map((contact, index) => ({
        id: randomUUID(),
        agency_id: agencyId,
        client_id: client.id,
        name: contact.name,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
        job_title: contact.jobTitle ?? null,
        is_primary: index === 0,
        is_billing_contact: index === 0,
      }))
    )
    const clientTags = clients.flatMap((client) =>
      client.tags.map((name) => ({ agency_id: agencyId, client_id: client.id, tag_id: tagIds.get(name.toLowerCase())! }))
    )
    const clientRows = clients.map((client) => ({
      id: client.id,
      agency_id: agencyId,
      company_name: client.companyName,
      industry: client.industry,
      website: client.website,
    }))

    for (const [table, rows] of [
      ['clients', clientRows],
      ['contacts', contacts],
      ['client_tags', clientTags],
    ] as const) {
      for (let start = 0; start < rows.length; start += CHUNK) {
        await trx.insertQuery().table(table).multiInsert(rows.slice(start, start + CHUNK))
      }
    }
    for (const client of clients) {
      await recordAudit({
        entityType: 'client',
        entityId: client.id,
        action: 'imported',
        after: { companyName: client.companyName, contacts: client.contacts.length, tags: client.tags },
      })
    }
    return { clients: clients.length, contacts: contacts.length, tags: plan.newTags.length }
  }
}
