import { createClient } from '#tests/helpers/crm'
import { PORTAL_COOKIE, portalContact, portalSessionToken } from '#tests/helpers/portal'
import { timeTeam } from '#tests/helpers/time'

export { PORTAL_COOKIE }

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

/** A project team (owner, manager, member) and a signed-in portal contact of the project's client. */
export async function portalTeam(name: string) {
  const team = await timeTeam(name)
  const contact = await portalContact(team.agencyId, team.clientId)
  const token = await portalSessionToken(contact)
  return { ...team, contact, portalToken: token }
}

/** Another company of the same agency, with its own signed-in contact. */
export async function otherCompanyContact(agencyId: string) {
  const { clientId } = await createClient(agencyId, `Other company ${Date.now()}`, { name: 'Olga Other', email: `olga-${Date.now()}@other.test` })
  const contact = await portalContact(agencyId, clientId)
  return { ...contact, portalToken: await portalSessionToken(contact) }
}

/** Uploads through the staff API as `token`. */
export function upload(
  client: any,
  token: string,
  projectId: string,
  fields: { title?: string; requiresApproval?: boolean; description?: string } = {},
  file: { bytes: Buffer; filename: string; contentType: string } = { bytes: PNG, filename: 'logo.png', contentType: 'image/png' }
) {
  const request = client.post(`/api/projects/${projectId}/deliverables`).bearerToken(token).field('title', fields.title ?? 'Logo, final')
  if (fields.description) request.field('description', fields.description)
  if (fields.requiresApproval) request.field('requiresApproval', 'true')
  return request.file('file', file.bytes, { filename: file.filename, contentType: file.contentType })
}
