import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signDeliverableUrl } from '#portal/files/signed_url'
import { PNG, PORTAL_COOKIE, portalTeam, upload } from './deliverable_helpers.js'

const owner = () => db.connection('owner')

/** Changes one character of a string (keeps it the same length and alphabet). */
function flip(value: string, index = value.length - 2) {
  const char = value[index]
  return value.slice(0, index) + (char === 'a' ? 'b' : 'a') + value.slice(index + 1)
}

test.group('Portal: signed file URLs', () => {
  test('a contact’s Download gives a fresh 1 h link that streams the file without a session; the download is logged', async ({ client, assert }) => {
    const team = await portalTeam('Signed download')
    const id = (await upload(client, team.manager.token, team.projectId)).body().deliverable.id
    const link = await client.get(`/api/portal/deliverables/${id}/download`).withEncryptedCookie(PORTAL_COOKIE, team.portalToken)
    link.assertStatus(200)
    const expiresIn = new Date(link.body().expiresAt).getTime() - Date.now()
    assert.isAbove(expiresIn, 59 * 60 * 1000)
    assert.isAtMost(expiresIn, 60 * 60 * 1000)
    assert.match(link.body().path, new RegExp(`^/files/deliverables/${id}\\?agency=${team.agencyId}&expires=\\d+&signature=`))

    const file = await client.get(link.body().path)
    file.assertStatus(200)
    assert.equal(file.header('content-type'), 'image/png')
    assert.equal(file.header('cache-control'), 'private, no-store')
    assert.deepEqual(Buffer.from(file.body()), PNG)

    // The page route redirects to the same kind of link.
    const page = await client.get(`/portal/deliverables/${id}/download`).withEncryptedCookie(PORTAL_COOKIE, team.portalToken).redirects(0)
    page.assertStatus(302)
    assert.match(page.header('location') ?? '', new RegExp(`^/files/deliverables/${id}\\?`))

    const logs = await owner().from('portal_access_logs').where('subject_id', id).where('action', 'download')
    assert.isAtLeast(logs.filter((row) => row.contact_id === team.contact.contactId).length, 2)
    assert.isAtLeast(logs.filter((row) => row.contact_id === null).length, 1)
  })

  test('expired, altered or missing signatures are a 403', async ({ client, assert }) => {
    const team = await portalTeam('Signed tamper')
    const id = (await upload(client, team.manager.token, team.projectId)).body().deliverable.id
    const expired = signDeliverableUrl({ deliverableId: id, agencyId: team.agencyId, ttlSeconds: 3600, now: Date.now() - 2 * 3600 * 1000 })
    const expiredResponse = await client.get(expired.path)
    expiredResponse.assertStatus(403)
    assert.match(expiredResponse.body().errors[0].message, /expired/)

    const good = signDeliverableUrl({ deliverableId: id, agencyId: team.agencyId, ttlSeconds: 3600 })
    ;(await client.get(good.path)).assertStatus(200)
    const url = new URL(good.url)
    const query = Object.fromEntries(url.searchParams)
    const variants = [
      `/files/deliverables/${flip(id)}?${new URLSearchParams(query)}`,
      `/files/deliverables/${id}?${new URLSearchParams({ ...query, agency: flip(query.agency) })}`,
      `/files/deliverables/${id}?${new URLSearchParams({ ...query, expires: String(Number(query.expires) + 1) })}`,
      `/files/deliverables/${id}?${new URLSearchParams({ ...query, signature: flip(query.signature, 0) })}`,
      `/files/deliverables/${id}?${new URLSearchParams({ ...query, signature: query.signature.slice(0, -1) })}`,
      `/files/deliverables/${id}?${new URLSearchParams({ agency: query.agency, expires: query.expires })}`,
      `/files/deliverables/${id}`,
    ]
    for (const path of variants) {
      const response = await client.get(path)
      assert.equal(response.status(), 403, path)
    }
    // Another agency's id in a link signed for this agency reads nothing of it.
    const foreign = await portalTeam('Signed foreign')
    const theirs = signDeliverableUrl({ deliverableId: id, agencyId: foreign.agencyId, ttlSeconds: 3600 })
    ;(await client.get(theirs.path)).assertStatus(404)
    // Links are never signed for longer than 7 days.
    assert.throws(() => signDeliverableUrl({ deliverableId: id, agencyId: team.agencyId, ttlSeconds: 7 * 86400 + 1 }))
  })

  test('staff share links last 1 to 7 days (longer is refused); only those who run the project make them', async ({ client, assert }) => {
    const team = await portalTeam('Share links')
    const id = (await upload(client, team.manager.token, team.projectId)).body().deliverable.id
    for (const days of [8, 30, 0, 1.5]) {
      const refused = await client.post(`/api/deliverables/${id}/share-link`).bearerToken(team.manager.token).json({ days })
      refused.assertStatus(422)
      assert.equal(refused.body().errors[0].field, 'days')
    }
    ;(await client.post(`/api/deliverables/${id}/share-link`).bearerToken(team.member.token).json({ days: 3 })).assertStatus(403)

    const shared = await client.post(`/api/deliverables/${id}/share-link`).bearerToken(team.manager.token).json({ days: 7 })
    shared.assertStatus(201)
    const expiresIn = new Date(shared.body().shareLink.expiresAt).getTime() - Date.now()
    assert.isAbove(expiresIn, 7 * 86400 * 1000 - 60_000)
    assert.isAtMost(expiresIn, 7 * 86400 * 1000)
    const path = new URL(shared.body().shareLink.url).pathname + new URL(shared.body().shareLink.url).search
    const file = await client.get(path)
    file.assertStatus(200)
    assert.deepEqual(Buffer.from(file.body()), PNG)
  })
})
