import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import { withTenant } from '#core/public/tenancy'
import db from '@adonisjs/lucid/services/db'
import Tag from '#crm/models/tag'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'

/** A client with a primary contact, written directly (tests of other features start from one). */
export async function createClient(agencyId: string, companyName = 'Acme Ltd', contact = { name: 'Ada Lovelace', email: 'ada@acme.test' }) {
  return withTenant(agencyId, async () => {
    const client = await Client.create({ companyName })
    await Contact.create({ clientId: client.id, ...contact, isPrimary: true, isBillingContact: true })
    return { clientId: client.id }
  })
}

/** A tag written directly, for tests that start from one. */
export async function createTag(agencyId: string, name: string, color = '#0ea5e9') {
  return withTenant(agencyId, async () => (await Tag.create({ name, color })).id)
}

export async function tagClient(agencyId: string, clientId: string, tagIds: string[]) {
  await withTenant(agencyId, async () => {
    const client = await Client.findOrFail(clientId)
    await client.related('tags').attach(Object.fromEntries(tagIds.map((id) => [id, { agency_id: agencyId }])))
  })
}

/** Puts a member on a (new) project of this client: RLS then lets them read the client. */
export async function assignMember(agencyId: string, clientId: string, userId: string) {
  const projectId = await withTenant(agencyId, async () => {
    const project = await Project.create({ clientId, name: 'Assigned project', status: 'active', currency: 'USD' })
    return project.id
  })
  await assignToProject(agencyId, projectId, userId)
}

export function assignToProject(agencyId: string, projectId: string, userId: string) {
  return withTenant(agencyId, () => ProjectMember.create({ projectId, userId, role: 'member' }))
}

/** Revenue is derived from paid invoices (a later module); tests set it as the owner role would. */
export async function setClientColumns(clientId: string, columns: Record<string, unknown>) {
  await db.connection('owner').from('clients').where('id', clientId).update(columns)
}

export async function countRows(agencyId: string, table: 'clients' | 'contacts' | 'tags' | 'client_tags' | 'client_activities') {
  const row = await db.connection('owner').from(table).where('agency_id', agencyId).count('* as total').first()
  return Number(row.total)
}
