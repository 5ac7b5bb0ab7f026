import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import type { ApiClient } from '@japa/api-client'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { countRows, createClient, createTag } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

const fixture = () => readFile(app.makePath('tests/fixtures/crm/clients_import.csv'))

/** The fixture has 3 good companies (Acme Rockets with 2 contacts, Globex, Initech) and 6 bad rows. */
const EXPECTED_REJECTIONS = [
  { line: 5, company: null, reason: 'Missing company' },
  { line: 6, company: 'Bad Email Co', reason: 'Invalid email address' },
  { line: 7, company: 'Existing Client Ltd', reason: '“Existing Client Ltd” already exists in your agency' },
  { line: 8, company: null, reason: 'Malformed CSV line: a quote inside a field is not doubled ("")' },
  { line: 9, reason: 'Company is longer than 160 characters' },
  { line: 11, company: 'Phone Only', reason: 'Missing contact name (the row has other contact details)' },
]

async function agencyWithExistingData() {
  const a = await createAgency('Import')
  await createClient(a.agencyId, 'Existing Client Ltd', { name: 'Old Contact', email: 'old@example.test' })
  await createTag(a.agencyId, 'VIP')
  return a
}

async function counts(agencyId: string) {
  return {
    clients: await countRows(agencyId, 'clients'),
    contacts: await countRows(agencyId, 'contacts'),
    tags: await countRows(agencyId, 'tags'),
    clientTags: await countRows(agencyId, 'client_tags'),
  }
}

function upload(client: ApiClient, url: string, token: string, file: Buffer, filename = 'clients.csv') {
  return client.post(url).bearerToken(token).file('file', file, { filename, contentType: 'text/csv' })
}

function uploadFromPage(client: ApiClient, web: WebSession, url: string, file: Buffer) {
  return client
    .post(url)
    .header('cookie', web.cookieHeader)
    .header('x-xsrf-token', decodeURIComponent(web.cookieHeader.match(/XSRF-TOKEN=([^;]+)/)![1]))
    .file('file', file, { filename: 'clients.csv', contentType: 'text/csv' })
    .redirects(0)
}

test.group('CSV import of clients', () => {
  test('a dry run reports what would be created and every bad row with its reason, and writes nothing', async ({ client, assert }) => {
    const a = await agencyWithExistingData()
    const before = await counts(a.agencyId)
    const response = await upload(client, '/api/clients/import?dryRun=true', a.token, await fixture())
    response.assertStatus(200)
    assert.containsSubset(response.body(), { dryRun: true, rows: 10, clients: 3, contacts: 3, newTags: ['Retainer', 'Energy'], rejectedTotal: 6 })
    assert.containsSubset(response.body().rejected, EXPECTED_REJECTIONS)
    assert.lengthOf(response.body().rejected, 6)
    assert.deepEqual(await counts(a.agencyId), before)
  })

  test('the import creates exactly the good rows: clients, contacts, primary contacts and tags', async ({ client, assert }) => {
    const a = await agencyWithExistingData()
    const before = await counts(a.agencyId)
    const response = await upload(client, '/api/clients/import?dryRun=false', a.token, await fixture())
    response.assertStatus(201)
    assert.containsSubset(response.body(), { dryRun: false, clients: 3, contacts: 3, rejectedTotal: 6 })

    assert.deepEqual(await counts(a.agencyId), {
      clients: before.clients + 3,
      contacts: before.contacts + 3,
      tags: before.tags + 2,
      clientTags: 3,
    })
    const list = (await client.get('/api/clients?perPage=100').bearerToken(a.token)).body()
    assert.deepEqual(list.clients.map((c: any) => c.companyName), ['Acme Rockets', 'Existing Client Ltd', 'Globex', 'Initech'])
    const acme = list.clients[0]
    assert.containsSubset(acme, {
      industry: 'Aerospace',
      website: 'acme.example',
      primaryContact: { name: 'Wile E. Coyote', email: 'wile@acme.example', phone: '+1 555 0100', jobTitle: 'Chief Genius' },
    })
    assert.sameMembers(acme.tags.map((t: any) => t.name), ['VIP', 'Retainer'])
    const details = (await client.get(`/api/clients/${acme.id}`).bearerToken(a.token)).body().client
    assert.deepEqual(details.contacts.map((c: any) => [c.name, c.isPrimary]), [['Wile E. Coyote', true], ['Road Runner', false]])
    const search = (await client.get('/api/clients?search=roadrunner@acme').bearerToken(a.token)).body()
    assert.deepEqual(search.clients.map((c: any) => c.companyName), ['Acme Rockets'])

    // Importing the same file again finds every company already there.
    const again = await upload(client, '/api/clients/import', a.token, await fixture())
    assert.containsSubset(again.body(), { clients: 0, contacts: 0 })
  })

  test('the page previews without writing, then imports the same file and says how many', async ({ client, assert }) => {
    const a = await agencyWithExistingData()
    const web = await new WebSession(client).login(a.email, PASSWORD)
    const before = await counts(a.agencyId)

    const preview = await uploadFromPage(client, web, '/clients/import/preview', await fixture())
    assert.equal(preview.header('location'), '/clients/import')
    const page = await web.page('/clients/import')
    assert.containsSubset(page.props.preview, { clients: 3, contacts: 3, rejectedTotal: 6, newTags: ['Retainer', 'Energy'] })
    assert.containsSubset(page.props.preview.rejected, EXPECTED_REJECTIONS)
    assert.deepEqual(page.props.preview.sample.map((c: any) => c.companyName), ['Acme Rockets', 'Globex', 'Initech'])
    assert.deepEqual(await counts(a.agencyId), before)
    assert.isNull((await web.page('/clients/import')).props.preview)

    const imported = await uploadFromPage(client, web, '/clients/import', await fixture())
    assert.equal(imported.header('location'), '/clients')
    const list = await web.page('/clients')
    assert.equal(list.props.flash.success, 'Imported 3 clients, 3 contacts')
    assert.equal(list.props.list.total, 4)
  })

  test('files that are too big, too long, not CSV or without a company column are refused whole', async ({ client, assert }) => {
    const a = await agencyWithExistingData()
    const before = await counts(a.agencyId)
    const cases: [Buffer, string][] = [
      [Buffer.alloc(2 * 1024 * 1024 + 10, 'a'), 'clients.csv'],
      [Buffer.from(`company\n${Array.from({ length: 5001 }, (_, i) => `Client ${i}`).join('\n')}\n`), 'clients.csv'],
      [Buffer.from('name,email\nAda,ada@example.test\n'), 'clients.csv'],
      [Buffer.from('company\nAcme\n'), 'clients.exe'],
    ]
    for (const [file, filename] of cases) {
      const response = await upload(client, '/api/clients/import', a.token, file, filename)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'file')
    }
    const missing = await client.post('/api/clients/import').bearerToken(a.token).json({})
    missing.assertStatus(422)
    assert.deepEqual(await counts(a.agencyId), before)
  })

  test('members cannot import', async ({ client, assert }) => {
    const a = await agencyWithExistingData()
    const member = await createUser(a.agencyId, 'member')
    const response = await upload(client, '/api/clients/import', member.token, await fixture())
    response.assertStatus(403)
    assert.equal(await countRows(a.agencyId, 'clients'), 1)
  })
})
