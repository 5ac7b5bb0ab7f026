import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { parseClientCsv, planImport, splitTags, validateRecord } from '#crm/import/client_csv'

async function plan(csv: Buffer | string, existing = { companies: new Set<string>(), tags: new Set<string>() }) {
  const { records, rejected } = parseClientCsv(csv)
  const rows = [...rejected, ...(await Promise.all(records.map(validateRecord)))]
  return planImport(rows, existing)
}

test.group('Client CSV import: parsing and planning', () => {
  test('the fixture: good rows grouped by company, each bad row with its line and reason', async ({ assert }) => {
    const file = await readFile(app.makePath('tests/fixtures/crm/clients_import.csv'))
    const result = await plan(file, { companies: new Set(['existing client ltd']), tags: new Set(['vip']) })

    assert.deepEqual(
      result.clients.map((client) => [client.companyName, client.contacts.map((contact) => contact.name), client.tags]),
      [
        ['Acme Rockets', ['Wile E. Coyote', 'Road Runner'], ['VIP', 'Retainer']],
        ['Globex', ['Hank Scorpio'], ['Energy']],
        ['Initech', [], []],
      ]
    )
    assert.equal(result.contacts, 3)
    assert.equal(result.clients[0].contacts[0].email, 'wile@acme.example')
    assert.deepEqual(result.newTags, ['Retainer', 'Energy'])
    assert.equal(result.rows, 10)
    assert.deepEqual(
      result.rejected.map((row) => [row.line, row.reason]),
      [
        [5, 'Missing company'],
        [6, 'Invalid email address'],
        [7, '“Existing Client Ltd” already exists in your agency'],
        [8, 'Malformed CSV line: a quote inside a field is not doubled ("")'],
        [9, 'Company is longer than 160 characters'],
        [11, 'Missing contact name (the row has other contact details)'],
      ]
    )
  })

  test('headers in any case and order; unknown columns ignored; short rows accepted', async ({ assert }) => {
    const result = await plan('TAGS,Extra,COMPANY\nA;B,x,One\n,,Two\n')
    assert.deepEqual(result.clients.map((client) => [client.companyName, client.tags]), [['One', ['A', 'B']], ['Two', []]])
  })

  test('a row with more fields than the header, or a quote left open, is rejected on its own', async ({ assert }) => {
    const result = await plan('company,industry\nFine,Retail\nToo,many,fields\n"Open quote,x\n')
    assert.deepEqual(result.clients.map((client) => client.companyName), ['Fine'])
    assert.deepEqual(result.rejected.map((row) => row.line), [3, 4])
  })

  test('a file without a company column, or that is not CSV at all, is refused as a whole', async ({ assert }) => {
    assert.throws(() => parseClientCsv('name,email\nx,y\n'))
    assert.throws(() => parseClientCsv(''))
  })

  test('more than 5,000 rows is refused', async ({ assert }) => {
    const csv = `company\n${Array.from({ length: 5001 }, (_, i) => `Client ${i}`).join('\n')}\n`
    assert.throws(() => parseClientCsv(csv))
    assert.lengthOf(parseClientCsv(`company\n${Array.from({ length: 5000 }, (_, i) => `Client ${i}`).join('\n')}\n`).records, 5000)
  })

  test('tags are split on ;, trimmed, and deduplicated whatever the case', ({ assert }) => {
    assert.deepEqual(splitTags(' VIP ;; retainer; vip ;Retainer'), ['VIP', 'retainer'])
    assert.deepEqual(splitTags(''), [])
  })
})
