import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { createAgency } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { createTag } from '#tests/fixtures/crm/client_fixtures'
import { assertMoved, open, signIn } from '#tests/helpers/browser_pages'

test('helper A UI check', async ({ browserContext, client }) => {
  const a = await createAgency('UI')
  await createTag(a.agencyId, 'VIP', '#f59e0b')
  for (let i = 0; i < 27; i++) await createClient(a.agencyId, `Client ${String(i).padStart(2, '0')}`, { name: `P ${i}`, email: `p${i}@x.test` })
  const { clientId } = await createClient(a.agencyId, 'Acme Rockets', { name: 'Wile', email: 'wile@acme.test' })
  for (let i = 0; i < 22; i++) {
    await client.post(`/api/clients/${clientId}/notes`).bearerToken(a.token).json({ kind: 'note', body: `Old note ${i}`, occurredAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString() })
  }
  const page = await signIn(browserContext, a.email, 'correct-horse-battery-staple')
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`) })

  await page.goto(`${new URL(page.url()).origin}/clients`)
  await page.waitForFunction(`document.querySelector('[data-page]')?.__vue_app__`)
  await page.assertTextContains(page.getByRole('status').filter({ hasText: 'clients' }), '28 clients')
  await page.getByRole('link', { name: 'Next →' }).click()
  await page.waitForURL(/page=2/)
  await page.getByLabel('Search clients').fill('acme')
  await page.waitForURL(/search=acme/)
  await page.assertTextContains(page.getByRole('status').filter({ hasText: 'client' }), '1 client')
  console.log('URL after search', page.url())
  await page.getByRole('button', { name: 'VIP' }).click()
  await page.waitForURL(/tag/)
  await page.getByText('No clients match these filters').waitFor()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.waitForURL((url) => !url.search.includes('search'))
  console.log('URL after clear', page.url())

  await page.goto(`${new URL(page.url()).origin}/clients/${clientId}`)
  await page.waitForFunction(`document.querySelector('[data-page]')?.__vue_app__`)
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' })
  console.log('entries', await timeline.getByRole('listitem').count())
  await page.getByRole('button', { name: 'Load more timeline entries' }).click()
  await page.waitForFunction(`document.querySelectorAll('[aria-label="Timeline, newest first"] > li').length === 22`)
  console.log('after load more', await timeline.getByRole('listitem').count(), page.url())

  await page.getByRole('button', { name: 'Add contact' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add contact' })
  await dialog.getByLabel('Name').fill('Road Runner')
  await dialog.getByLabel('Email').fill('rr@acme.test')
  await dialog.getByLabel('Primary contact').check()
  await dialog.getByRole('button', { name: 'Add contact' }).click()
  await page.assertNotExists(dialog)
  await page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Road Runner/ }).waitFor()
  console.log('contacts', await page.getByRole('table', { name: 'Contacts' }).innerText())

  await page.getByLabel('What happened').fill('Called about the launch')
  await page.getByRole('button', { name: 'Log note' }).click()
  await timeline.getByText('Called about the launch').waitFor()

  await page.getByLabel('New tag').fill('Space')
  await page.getByRole('button', { name: 'Create and add' }).click()
  await page.getByRole('button', { name: 'Remove tag Space' }).waitFor()
  await page.getByLabel('Add a tag').selectOption({ label: 'VIP' })
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('button', { name: 'Remove tag VIP' }).waitFor()
  await page.getByRole('button', { name: 'Archive' }).click()
  await page.getByRole('button', { name: 'Restore' }).waitFor()

  await page.goto(`${new URL(page.url()).origin}/clients/import`)
  await page.waitForFunction(`document.querySelector('[data-page]')?.__vue_app__`)
  await page.getByLabel('CSV file').setInputFiles(app.makePath('tests/fixtures/crm/clients_import.csv'))
  await page.getByRole('button', { name: 'Preview import' }).click()
  await page.getByRole('heading', { name: '2. Check and import' }).waitFor()
  console.log('preview', (await page.getByRole('status').first().innerText()))
  console.log('rejected rows', await page.getByRole('table', { name: /Rejected rows/ }).getByRole('row').count())
  await page.getByRole('button', { name: /^Import 3 clients/ }).click()
  await assertMoved(page, '/clients/import', '/clients')
  await page.getByText('Imported 3 clients, 2 contacts').waitFor()

  await page.goto(`${new URL(page.url()).origin}/clients/tags`)
  await page.waitForFunction(`document.querySelector('[data-page]')?.__vue_app__`)
  await page.getByRole('button', { name: 'New tag' }).click()
  const tagDialog = page.getByRole('dialog', { name: 'New tag' })
  await tagDialog.getByLabel('Name', { exact: true }).fill('vip')
  await tagDialog.getByRole('button', { name: 'Create tag' }).click()
  await tagDialog.getByText('already exists').waitFor()
  console.log('ERRORS', errors)
}).timeout(180_000)
