import { test } from '@japa/runner'
import { createAgency, PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'

/** Things people (and scripts) type: wrong types, huge and odd strings, nested junk. */
const ODD_VALUES: unknown[] = [
  null,
  '',
  ' ',
  'x'.repeat(100_000),
  '\u0000',
  '💥🧨',
  "'; drop table users; --",
  -1,
  1e308,
  3.14159,
  true,
  [],
  ['a', 'b'],
  { nested: { deep: true } },
]

const FORMS: { url: string; fields: string[]; method?: 'post' | 'patch' }[] = [
  { url: '/signup', fields: ['agencyName', 'name', 'email', 'password'] },
  { url: '/login', fields: ['email', 'password'] },
  { url: '/forgot-password', fields: ['email'] },
  { url: '/reset-password/not-a-real-token', fields: ['password', 'passwordConfirmation'] },
  { url: '/invitations/not-a-real-token/accept', fields: ['name', 'password', 'passwordConfirmation'] },
]

const STAFF_FORMS: { url: string; fields: string[]; method?: 'post' | 'patch' }[] = [
  { url: '/settings/team/invitations', fields: ['email', 'role'] },
  { url: '/settings/tokens', fields: ['name'] },
]

test.group('Bad input never breaks the app', () => {
  test('signed-out forms answer every odd value without a server error', async ({ client, assert }) => {
    const web = new WebSession(client)
    for (const form of FORMS) {
      for (const value of ODD_VALUES) {
        const body = Object.fromEntries(form.fields.map((field) => [field, value]))
        const response = await web.post(form.url, body)
        assert.isBelow(response.status(), 500, `${form.url} with ${JSON.stringify(value)?.slice(0, 40)}`)
      }
    }
  }).timeout(120_000)

  test('staff forms and the API answer odd values with 4xx, never 5xx', async ({ client, assert }) => {
    const a = await createAgency('Fuzz')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    for (const form of STAFF_FORMS) {
      for (const value of ODD_VALUES) {
        const body = Object.fromEntries(form.fields.map((field) => [field, value]))
        const response = await web.post(form.url, body)
        assert.isBelow(response.status(), 500, `${form.url} with ${JSON.stringify(value)?.slice(0, 40)}`)
      }
    }
    const fields = ['name', 'currency', 'timezone', 'taxRate', 'invoicePrefix', 'paymentTermsDays', 'requireTimeApproval', 'brandColor']
    for (const value of ODD_VALUES) {
      for (const field of fields) {
        const response = await client.patch('/api/agency').bearerToken(a.token).json({ [field]: value })
        assert.isBelow(response.status(), 500, `PATCH /api/agency ${field}=${JSON.stringify(value)?.slice(0, 40)}`)
      }
    }
    const malformed = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/agency`, {
      method: 'PATCH',
      headers: { 'authorization': `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: '{"name": ',
    })
    assert.isBelow(malformed.status, 500)
    assert.isAtLeast(malformed.status, 400)
    const agency = await client.get('/api/agency').bearerToken(a.token)
    assert.equal(agency.body().agency.currency, 'USD')
  }).timeout(120_000)

  test('odd ids in URLs are 404s', async ({ client }) => {
    const a = await createAgency('Ids')
    for (const id of ['0', '-1', 'null', '%00', '..%2F..%2Fetc', "1' or '1'='1", 'ffffffff-ffff-ffff-ffff-ffffffffffff']) {
      ;(await client.get(`/api/users/${id}`).bearerToken(a.token)).assertStatus(404)
    }
  })
})
