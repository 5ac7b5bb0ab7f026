import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { createAgency, createUser, uniqueEmail } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { portalContact, PORTAL_COOKIE } from '#tests/helpers/portal'
import { WebSession, pageOf } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')

/** A client with one portal-enabled contact (unique address). */
async function setup(name = 'Portal') {
  const agency = await createAgency(name)
  const { clientId } = await createClient(agency.agencyId, `${name} Client`, { name: 'Pat Primary', email: uniqueEmail('primary') })
  const contact = await portalContact(agency.agencyId, clientId, uniqueEmail('contact'))
  return { agency, clientId, contact }
}

/** Asks for a sign-in link as a script would (JSON) and returns the token from the email the SMTP catcher received. */
async function requestLink(client: ApiClient, email: string, nth = 1) {
  const response = await client.post('/portal/login').json({ email }).accept('json')
  response.assertStatus(200)
  response.assertBody({ sent: true })
  const until = Date.now() + 15_000
  while (mailCatcher.sentTo(email).length < nth && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
  const mails = mailCatcher.sentTo(email)
  if (mails.length < nth) await mailCatcher.waitFor(email, /sign-in link/)
  return tokenOf(mailCatcher.sentTo(email)[nth - 1].text!)
}

function tokenOf(text: string) {
  const match = text.match(/\/portal\/auth\/([A-Za-z0-9_-]+)/)
  if (!match) throw new Error('No magic link in the email')
  return match[1]
}

/** Uses a link like a browser: the portal cookie it sets (raw, encrypted), or null. */
async function useLink(client: ApiClient, token: string) {
  const response = await client.get(`/portal/auth/${token}`).redirects(0)
  const cookie = [response.headers()['set-cookie'] ?? []]
    .flat()
    .map((line: string) => line.split(';')[0])
    .find((pair: string) => pair.startsWith(`${PORTAL_COOKIE}=`) && pair.length > PORTAL_COOKIE.length + 1)
  return { response, cookie: cookie ?? null }
}

/** Signed in? `GET /portal/login` sends a signed-in contact on to /portal and shows the form to anyone else. */
async function signedIn(client: ApiClient, cookie: string) {
  const response = await client.get('/portal/login').header('cookie', cookie).redirects(0)
  if (response.status() === 302) return response.header('location') === '/portal'
  response.assertStatus(200)
  return false
}

async function sessionsOf(contactId: string) {
  return owner().from('portal_sessions').where('contact_id', contactId).orderBy('created_at')
}

test.group('Portal access: magic links and sessions', () => {
  test('the emailed link signs the contact in once, is logged, and the same link never works again', async ({ client, assert }) => {
    const { contact, clientId, agency } = await setup('Magic')
    const token = await requestLink(client, contact.email)
    assert.lengthOf(token, 43)
    const mail = mailCatcher.sentTo(contact.email)[0]
    assert.match(mail.subject!, /sign-in link/)
    assert.include(mail.html as string, `/portal/auth/${token}`)
    // Only the hash is stored.
    const [link] = await owner().from('portal_magic_links').where('contact_id', contact.contactId)
    assert.notEqual(link.token_hash, token)
    assert.notInclude(JSON.stringify(link), token)
    const minutes = (new Date(link.expires_at).getTime() - new Date(link.created_at).getTime()) / 60_000
    assert.approximately(minutes, 15, 0.5)

    const first = await useLink(client, token)
    first.response.assertStatus(302)
    assert.equal(first.response.header('location'), '/portal')
    assert.isString(first.cookie)
    assert.isTrue(await signedIn(client, first.cookie!))

    const logs = await owner().from('portal_access_logs').where({ contact_id: contact.contactId, action: 'sign_in' })
    assert.lengthOf(logs, 1)
    assert.equal(logs[0].client_id, clientId)
    assert.equal(logs[0].agency_id, agency.agencyId)
    assert.isString(logs[0].ip)

    // Reused: a clear page, not a session.
    const again = await useLink(client, token)
    assert.equal(again.response.status(), 410)
    assert.isNull(again.cookie)
    const page = pageOf(again.response.text())
    assert.equal(page.component, 'portal/link_expired')
    assert.include(again.response.text(), 'This link has expired or was already used')
    assert.lengthOf(await sessionsOf(contact.contactId), 1)
  }).timeout(30_000)

  test('an expired or altered link is refused with the same page; nothing signs in', async ({ client, assert }) => {
    const { contact } = await setup('Expired')
    const token = await requestLink(client, contact.email)
    await owner().from('portal_magic_links').where('contact_id', contact.contactId).update({ expires_at: new Date(Date.now() - 1000) })
    const expired = await useLink(client, token)
    assert.equal(expired.response.status(), 410)
    assert.equal(pageOf(expired.response.text()).component, 'portal/link_expired')

    const fresh = await requestLink(client, contact.email, 2)
    const altered = fresh.slice(0, -1) + (fresh.endsWith('A') ? 'B' : 'A')
    for (const bad of [altered, fresh.slice(0, 20), `${fresh}x`, 'not-a-token', '%27%20or%201%3D1--']) {
      const response = await useLink(client, bad)
      assert.oneOf(response.response.status(), [410, 404], bad)
      assert.isNull(response.cookie)
    }
    assert.lengthOf(await sessionsOf(contact.contactId), 0)
    // The untouched fresh link still works.
    assert.isTrue(await signedIn(client, (await useLink(client, fresh)).cookie!))
  }).timeout(30_000)

  test("another contact's link signs in as that contact only; a revoked contact's link fails", async ({ client, assert }) => {
    const { agency, clientId, contact: alice } = await setup('Two')
    const bob = await portalContact(agency.agencyId, clientId, uniqueEmail('bob'))
    const carol = await portalContact(agency.agencyId, clientId, uniqueEmail('carol'))
    const bobToken = await requestLink(client, bob.email)
    const carolToken = await requestLink(client, carol.email)
    assert.lengthOf(mailCatcher.sentTo(alice.email), 0)

    const bobSignIn = await useLink(client, bobToken)
    assert.isTrue(await signedIn(client, bobSignIn.cookie!))
    const sessions = await owner().from('portal_sessions').where('client_id', clientId)
    assert.deepEqual(sessions.map((s) => s.contact_id), [bob.contactId])
    const logs = await owner().from('portal_access_logs').where('client_id', clientId)
    assert.deepEqual(logs.map((l) => [l.contact_id, l.action]), [[bob.contactId, 'sign_in']])

    // Carol's access is revoked before she uses her link.
    ;(await client.delete(`/api/contacts/${carol.contactId}/portal-access`).bearerToken(agency.token)).assertStatus(200)
    const refused = await useLink(client, carolToken)
    assert.equal(refused.response.status(), 410)
    assert.isNull(refused.cookie)
    assert.lengthOf(await sessionsOf(carol.contactId), 0)

    // Granting access again does not revive the link sent before the revocation.
    await owner().from('contacts').where('id', carol.contactId).update({ portal_access: true })
    const revived = await useLink(client, carolToken)
    assert.equal(revived.response.status(), 410)
    assert.lengthOf(await sessionsOf(carol.contactId), 0)
  }).timeout(30_000)

  test('a session ends after 24 h without a request', async ({ client, assert }) => {
    const { contact } = await setup('Idle')
    const { cookie } = await useLink(client, await requestLink(client, contact.email))
    assert.isTrue(await signedIn(client, cookie!))
    await owner().from('portal_sessions').where('contact_id', contact.contactId).update({ last_seen_at: new Date(Date.now() - (23 * 60 + 58) * 60_000) })
    assert.isTrue(await signedIn(client, cookie!), 'still within 24 h')
    await owner().from('portal_sessions').where('contact_id', contact.contactId).update({ last_seen_at: new Date(Date.now() - (24 * 60 + 1) * 60_000) })
    assert.isFalse(await signedIn(client, cookie!))
    ;(await client.get('/api/portal/projects').header('cookie', cookie!)).assertStatus(401)
  }).timeout(30_000)

  test('revoking access signs the contact out on their next request', async ({ client, assert }) => {
    const { agency, contact } = await setup('Revoke')
    const { cookie } = await useLink(client, await requestLink(client, contact.email))
    assert.isTrue(await signedIn(client, cookie!))
    const revoked = await client.delete(`/api/contacts/${contact.contactId}/portal-access`).bearerToken(agency.token)
    revoked.assertStatus(200)
    assert.equal(revoked.body().sessionsEnded, 1)
    assert.isFalse(revoked.body().contact.portalAccess)
    assert.isFalse(await signedIn(client, cookie!))
    ;(await client.get('/api/portal/projects').header('cookie', cookie!)).assertStatus(401)
    const [session] = await sessionsOf(contact.contactId)
    assert.isNotNull(session.ended_at)
    // And no new link reaches them.
    await client.post('/portal/login').json({ email: contact.email }).accept('json')
    await new Promise((r) => setTimeout(r, 1500))
    assert.lengthOf(mailCatcher.sentTo(contact.email), 1)
  }).timeout(30_000)

  test('signing out ends the session server-side', async ({ client, assert }) => {
    const { contact } = await setup('Logout')
    const { cookie } = await useLink(client, await requestLink(client, contact.email))
    const out = await client.post('/api/portal/logout').header('cookie', cookie!)
    out.assertStatus(200)
    out.assertBody({ signedOut: true })
    assert.isFalse(await signedIn(client, cookie!))
    const [session] = await sessionsOf(contact.contactId)
    assert.isNotNull(session.ended_at)
    const actions = (await owner().from('portal_access_logs').where('contact_id', contact.contactId).orderBy('created_at')).map((l) => l.action)
    assert.deepEqual(actions, ['sign_in', 'sign_out'])
  }).timeout(30_000)

  test('staff credentials are not portal logins: a bearer token on /api/portal is 401, a staff session on portal pages goes to the portal sign-in', async ({ client, assert }) => {
    const { agency } = await setup('Staff')
    const manager = await createUser(agency.agencyId, 'manager')
    for (const token of [agency.token, manager.token]) {
      ;(await client.get('/api/portal/projects').bearerToken(token)).assertStatus(401)
      ;(await client.post('/api/portal/logout').bearerToken(token)).assertStatus(401)
    }
    const staff = await new WebSession(client).login(agency.email, 'correct-horse-battery-staple')
    const portalHome = await staff.get('/portal')
    assert.equal(portalHome.status(), 302)
    assert.equal(portalHome.header('location'), '/portal/login')
    const loginPage = await staff.get('/portal/login')
    loginPage.assertStatus(200)
    assert.equal(pageOf(loginPage.text()).component, 'portal/login')
    // The staff session is untouched.
    assert.equal((await staff.get('/dashboard')).status(), 200)
  }).timeout(30_000)

  test('link requests: the same answer for known and unknown addresses, 429 after 5 per address', async ({ client, assert }) => {
    const { contact } = await setup('Limit')
    const unknown = uniqueEmail('nobody')
    for (const email of [contact.email, unknown]) {
      const answers = []
      for (let i = 0; i < 6; i++) {
        const response = await client.post('/portal/login').json({ email }).accept('json')
        answers.push([response.status(), response.body()])
      }
      assert.deepEqual(answers.slice(0, 5), Array(5).fill([200, { sent: true }]), email)
      assert.equal(answers[5][0], 429, email)
      assert.deepEqual(Object.keys(answers[5][1]), ['errors'])
      assert.notInclude(JSON.stringify(answers[5][1]), email)
    }
    // Upper case counts as the same address.
    ;(await client.post('/portal/login').json({ email: contact.email.toUpperCase() }).accept('json')).assertStatus(429)
    await mailCatcher.waitFor(contact.email)
    await new Promise((r) => setTimeout(r, 1500))
    assert.lengthOf(mailCatcher.sentTo(contact.email), 5)
    assert.lengthOf(mailCatcher.sentTo(unknown), 0)
  }).timeout(30_000)

  test('the sign-in page: a labelled form whose answer does not depend on the address', async ({ client, assert }) => {
    const { contact } = await setup('Page')
    const guest = new WebSession(client)
    const page = await guest.page('/portal/login')
    assert.equal(page.component, 'portal/login')
    const flashes = []
    for (const email of [contact.email, uniqueEmail('stranger')]) {
      const response = await guest.send('post', '/portal/login', { email }, '/portal/login')
      assert.equal(response.status(), 302)
      assert.equal(response.header('location'), '/portal/login')
      flashes.push((await guest.page('/portal/login')).props.flash)
    }
    assert.deepEqual(flashes[0], flashes[1])
    assert.match(flashes[0].success, /If this address has portal access, a link is on its way/)
    const invalid = await guest.send('post', '/portal/login', { email: 'not an email' }, '/portal/login')
    assert.equal(invalid.status(), 302)
    assert.isString((await guest.page('/portal/login')).props.errors.email)
    // Without the CSRF token a browser form post is refused.
    const forged = await client.post('/portal/login').form({ email: contact.email }).redirects(0)
    assert.notEqual(forged.status(), 200)
  }).timeout(30_000)
})
