import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createAgency, createUser } from '#tests/helpers/factories'

test.group('JSON API base', () => {
  test('GET /api/me returns the token\u2019s user and agency', async ({ client, assert }) => {
    const a = await createAgency('Me')
    const response = await client.get('/api/me').bearerToken(a.token)
    response.assertStatus(200)
    assert.equal(response.body().user.id, a.userId)
    assert.equal(response.body().user.role, 'owner')
    assert.equal(response.body().agency.id, a.agencyId)
    assert.notProperty(response.body().user, 'password')
  })

  test('no token, a malformed token and a wrong secret are 401', async ({ client }) => {
    const a = await createAgency('Auth')
    ;(await client.get('/api/me')).assertStatus(401)
    ;(await client.get('/api/me').bearerToken('tl_nonsense')).assertStatus(401)
    const encode = (text: string) => Buffer.from(text).toString('base64url')
    ;(await client.get('/api/me').bearerToken(`tl_${encode('not-a-uuid')}.${encode('x'.repeat(40))}`)).assertStatus(401)
    const [prefix] = a.token.split('.')
    ;(await client.get('/api/me').bearerToken(`${prefix}.wrongsecret`)).assertStatus(401)
  })

  test('users of the agency are listed; another agency\u2019s user id is a 404', async ({ client, assert }) => {
    const a = await createAgency('A')
    const b = await createAgency('B')
    const member = await createUser(a.agencyId, 'member')
    const list = await client.get('/api/users').bearerToken(a.token)
    list.assertStatus(200)
    assert.sameMembers(list.body().users.map((u: any) => u.id), [a.userId, member.userId])
    ;(await client.get(`/api/users/${member.userId}`).bearerToken(a.token)).assertStatus(200)
    const foreign = await client.get(`/api/users/${b.userId}`).bearerToken(a.token)
    foreign.assertStatus(404)
    foreign.assertBody({ errors: [{ message: 'Not found' }] })
    ;(await client.get('/api/users/not-a-uuid').bearerToken(a.token)).assertStatus(404)
  })

  test('PATCH /api/agency updates settings for the owner', async ({ client, assert }) => {
    const a = await createAgency('Settings')
    const settings = {
      name: 'Renamed',
      timezone: 'Europe/Paris',
      taxRate: 7.25,
      invoicePrefix: 'RN-',
      paymentTermsDays: 14,
      requireTimeApproval: false,
      brandColor: '#112233',
    }
    const response = await client.patch('/api/agency').bearerToken(a.token).json({ ...settings, currency: 'eur' })
    response.assertStatus(200)
    assert.containsSubset(response.body().agency, { ...settings, currency: 'EUR' })
    const row = await db.connection('owner').from('agencies').where('id', a.agencyId).first()
    assert.equal(row.tax_rate_basis_points, 725)
    const audit = await db.connection('owner').from('audit_logs').where({ agency_id: a.agencyId, action: 'settings_updated' }).first()
    assert.equal(audit.before.currency, 'USD')
    assert.equal(audit.after.currency, 'EUR')
  })

  test('bad settings are a 422 with every field error, and nothing changes', async ({ client, assert }) => {
    const a = await createAgency('Bad')
    const response = await client.patch('/api/agency').bearerToken(a.token).json({
      name: '',
      currency: 'XXXX',
      timezone: 'Mars/Olympus',
      taxRate: 7.255,
      invoicePrefix: 'a b',
      paymentTermsDays: 'soon',
      requireTimeApproval: 'maybe',
      brandColor: 'red',
    })
    response.assertStatus(422)
    const fields = response.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['name', 'currency', 'timezone', 'taxRate', 'invoicePrefix', 'paymentTermsDays', 'requireTimeApproval', 'brandColor'])
    for (const error of response.body().errors) assert.properties(error, ['field', 'message', 'rule'])
    const row = await db.connection('owner').from('agencies').where('id', a.agencyId).first()
    assert.equal(row.currency, 'USD')
    assert.equal(row.timezone, 'UTC')
  })

  test('a member may read but not change agency settings (403)', async ({ client, assert }) => {
    const a = await createAgency('Roles')
    const member = await createUser(a.agencyId, 'member')
    ;(await client.get('/api/agency').bearerToken(member.token)).assertStatus(200)
    const response = await client.patch('/api/agency').bearerToken(member.token).json({ name: 'Mine now' })
    response.assertStatus(403)
    assert.match(response.body().errors[0].message, /owner/)
  })

  test('the 201st request in a minute for one user is refused with 429', async ({ client, assert }) => {
    const a = await createAgency('Busy')
    const statuses: number[] = []
    for (let i = 0; i < 201; i++) {
      const response = await client.get('/api/me').bearerToken(a.token)
      statuses.push(response.status())
    }
    assert.deepEqual([...new Set(statuses.slice(0, 200))], [200])
    assert.equal(statuses[200], 429)
    // Another user of the same agency has a budget of their own.
    const other = await createUser(a.agencyId, 'member')
    ;(await client.get('/api/me').bearerToken(other.token)).assertStatus(200)
  }).timeout(60_000)

  test('responses carry security headers', async ({ client, assert }) => {
    const response = await client.get('/login')
    response.assertHeader('x-frame-options', 'DENY')
    response.assertHeader('x-content-type-options', 'nosniff')
    response.assertHeader('referrer-policy', 'strict-origin-when-cross-origin')
    const api = await client.get('/api/me')
    api.assertHeader('referrer-policy', 'strict-origin-when-cross-origin')
    assert.notExists(api.header('set-cookie'), 'the API sets no session cookie')
  })
})
