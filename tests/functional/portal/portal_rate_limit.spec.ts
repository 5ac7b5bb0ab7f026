import { test } from '@japa/runner'
import { createAgency } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { PORTAL_COOKIE, portalContact, portalSessionToken } from '#tests/helpers/portal'

test.group('Portal rate limit', () => {
  test('the 201st portal request in a minute for one contact is refused with 429; another contact has their own budget', async ({ client, assert }) => {
    const agency = await createAgency('Busy portal')
    const { clientId } = await createClient(agency.agencyId, 'Chatty Co')
    const busy = await portalContact(agency.agencyId, clientId)
    const calm = await portalContact(agency.agencyId, clientId)
    const token = await portalSessionToken(busy)
    const statuses: number[] = []
    for (let i = 0; i < 201; i++) {
      statuses.push((await client.get('/api/portal/projects').withEncryptedCookie(PORTAL_COOKIE, token)).status())
    }
    assert.deepEqual([...new Set(statuses.slice(0, 200))], [200])
    assert.equal(statuses[200], 429)
    ;(await client.get('/api/portal/projects').withEncryptedCookie(PORTAL_COOKIE, await portalSessionToken(calm))).assertStatus(200)
  }).timeout(60_000)
})
