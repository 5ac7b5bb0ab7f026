import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Contact from '#crm/models/contact'
import { createAgency, createUser, PASSWORD, uniqueEmail } from '#tests/helpers/factories'
import { assignMember, createClient } from '#tests/helpers/crm'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { portalSessionToken, PORTAL_COOKIE } from '#tests/helpers/portal'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')

/** An agency (owner, manager, member on a project of the client) and a contact not yet in the portal. */
async function setup(name = 'Invite') {
  const agency = await createAgency(name)
  const manager = await createUser(agency.agencyId, 'manager')
  const member = await createUser(agency.agencyId, 'member')
  const { clientId } = await createClient(agency.agencyId, `${name} Co`, { name: 'Pat Primary', email: uniqueEmail('primary') })
  await assignMember(agency.agencyId, clientId, member.userId)
  const email = uniqueEmail('invitee')
  const contactId = await withTenant(agency.agencyId, async () => {
    const contact = await Contact.create({ clientId, name: 'Ivy Invitee', email, isPrimary: false, isBillingContact: false, portalAccess: false })
    return contact.id
  })
  return { agency, manager, member, clientId, contactId, email }
}

test.group('Portal access from the staff side', () => {
  test('the owner invites a contact: access on, a branded invitation whose link signs them in', async ({ client, assert }) => {
    const s = await setup('OwnerInvite')
    const response = await client.post(`/api/contacts/${s.contactId}/portal-invitation`).bearerToken(s.agency.token)
    response.assertStatus(200)
    assert.isTrue(response.body().invited)
    assert.containsSubset(response.body().contact, { id: s.contactId, clientId: s.clientId, email: s.email, portalAccess: true })
    const [row] = await owner().from('contacts').where('id', s.contactId)
    assert.isTrue(row.portal_access)

    const mail = await mailCatcher.waitFor(s.email, /invited you to their client portal/)
    assert.include(mail.text!, 'Hello Ivy Invitee')
    assert.include(mail.text!, 'OwnerInvite Co')
    const token = mail.text!.match(/\/portal\/auth\/([A-Za-z0-9_-]+)/)![1]
    const signIn = await client.get(`/portal/auth/${token}`).redirects(0)
    signIn.assertStatus(302)
    assert.equal(signIn.header('location'), '/portal')
    const [session] = await owner().from('portal_sessions').where('contact_id', s.contactId)
    assert.equal(session.client_id, s.clientId)

    const audit = await owner().from('audit_logs').where({ entity_id: s.contactId }).orderBy('created_at')
    assert.includeMembers(audit.map((a) => a.action), ['updated', 'portal_invited'])

    // The access log is on the client page for the owner, and through the API.
    const activity = await client.get(`/api/clients/${s.clientId}/portal-activity`).bearerToken(s.agency.token)
    activity.assertStatus(200)
    assert.equal(activity.body().total, 1)
    assert.containsSubset(activity.body().entries[0], { contactId: s.contactId, contactName: 'Ivy Invitee', action: 'sign_in' })
    const staff = await new WebSession(client).login(s.agency.email, PASSWORD)
    const page = await staff.page(`/clients/${s.clientId}`)
    const section = page.props.related.find((r: any) => r.key === 'portal-activity')
    assert.equal(section.label, 'Portal activity')
    assert.lengthOf(section.records, 1)
    assert.equal(section.records[0].title, 'Ivy Invitee signed in')
    assert.isNull(section.records[0].href)
  }).timeout(30_000)

  test('a manager invites and revokes from the client page; revoking ends the sessions', async ({ client, assert }) => {
    const s = await setup('ManagerInvite')
    const staff = await new WebSession(client).login(s.manager.email, PASSWORD)
    const invited = await staff.post(`/portal-access/contacts/${s.contactId}/invite`)
    assert.equal(invited.status(), 302)
    assert.equal(invited.header('location'), `/clients/${s.clientId}`)
    const page = await staff.page(`/clients/${s.clientId}`)
    assert.match(page.props.flash.success, /invited to the portal/)
    assert.isTrue(page.props.client.contacts.find((c: any) => c.id === s.contactId).portalAccess)
    await mailCatcher.waitFor(s.email, /invited you/)

    const token = await portalSessionToken({ agencyId: s.agency.agencyId, contactId: s.contactId, clientId: s.clientId })
    ;(await client.get('/api/portal/projects').withEncryptedCookie(PORTAL_COOKIE, token)).assertStatus(200)

    const revoked = await staff.post(`/portal-access/contacts/${s.contactId}/revoke`)
    assert.equal(revoked.status(), 302)
    const [row] = await owner().from('contacts').where('id', s.contactId)
    assert.isFalse(row.portal_access)
    const sessions = await owner().from('portal_sessions').where('contact_id', s.contactId)
    assert.isTrue(sessions.every((session) => session.ended_at !== null))
    ;(await client.get('/api/portal/projects').withEncryptedCookie(PORTAL_COOKIE, token)).assertStatus(401)
  }).timeout(30_000)

  test('a member may not invite, revoke or read the access log (403), and sees no Portal activity section', async ({ client, assert }) => {
    const s = await setup('MemberInvite')
    ;(await client.post(`/api/contacts/${s.contactId}/portal-invitation`).bearerToken(s.member.token)).assertStatus(403)
    ;(await client.delete(`/api/contacts/${s.contactId}/portal-access`).bearerToken(s.member.token)).assertStatus(403)
    ;(await client.get(`/api/clients/${s.clientId}/portal-activity`).bearerToken(s.member.token)).assertStatus(403)
    const staff = await new WebSession(client).login(s.member.email, PASSWORD)
    assert.equal((await staff.post(`/portal-access/contacts/${s.contactId}/invite`)).status(), 403)
    const page = await staff.page(`/clients/${s.clientId}`)
    assert.isUndefined(page.props.related.find((r: any) => r.key === 'portal-activity'))
    const [row] = await owner().from('contacts').where('id', s.contactId)
    assert.isFalse(row.portal_access)
  }).timeout(30_000)

  test("another agency's contact is 404, and a contact without an email cannot be invited (422)", async ({ client, assert }) => {
    const s = await setup('Mine')
    const other = await setup('Theirs')
    ;(await client.post(`/api/contacts/${other.contactId}/portal-invitation`).bearerToken(s.agency.token)).assertStatus(404)
    ;(await client.delete(`/api/contacts/${other.contactId}/portal-access`).bearerToken(s.agency.token)).assertStatus(404)
    ;(await client.get(`/api/clients/${other.clientId}/portal-activity`).bearerToken(s.agency.token)).assertStatus(404)
    const staff = await new WebSession(client).login(s.manager.email, PASSWORD)
    assert.equal((await staff.post(`/portal-access/contacts/${other.contactId}/invite`)).status(), 404)
    const [row] = await owner().from('contacts').where('id', other.contactId)
    assert.isFalse(row.portal_access)

    const noEmail = await withTenant(s.agency.agencyId, async () => {
      const contact = await Contact.create({ clientId: s.clientId, name: 'No Mail', email: null, isPrimary: false, isBillingContact: false, portalAccess: false })
      return contact.id
    })
    const refused = await client.post(`/api/contacts/${noEmail}/portal-invitation`).bearerToken(s.agency.token)
    refused.assertStatus(422)
    const [unchanged] = await owner().from('contacts').where('id', noEmail)
    assert.isFalse(unchanged.portal_access)
  }).timeout(30_000)
})
