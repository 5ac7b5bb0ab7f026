import { test } from '@japa/runner'
import { createAgency, PASSWORD } from '#tests/helpers/factories'
import { assertMoved, drag, open, signIn } from '#tests/helpers/browser_pages'

test.group('CRM: from client to won deal to project', () => {
  test('create a client with two contacts and two tags, win its deal by dragging, and find the project and the history', async ({
    browserContext,
  }) => {
    const agency = await createAgency('Pipeline')
    const page = await signIn(browserContext, agency.email, PASSWORD)

    // A client with its primary contact…
    await page.getByRole('link', { name: 'Clients' }).click()
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor()
    await page.getByRole('link', { name: 'New client' }).first().click()
    await page.getByLabel('Company name').fill('Acme Robotics')
    await page.getByLabel('Industry').fill('Manufacturing')
    await page.getByLabel('Contact name').fill('Ada Lovelace')
    await page.getByLabel('Contact email').fill('ada@acme-robotics.test')
    await page.getByRole('button', { name: 'Create client' }).click()
    await assertMoved(page, '/clients/create', /^\/clients\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor()
    const clientPath = new URL(page.url()).pathname

    // …a second contact…
    await page.getByRole('button', { name: 'Add contact' }).click()
    const contactDialog = page.getByRole('dialog', { name: 'Add contact' })
    await contactDialog.getByLabel('Name').fill('Charles Babbage')
    await contactDialog.getByLabel('Email').fill('charles@acme-robotics.test')
    await contactDialog.getByRole('button', { name: 'Add contact' }).click()
    await contactDialog.waitFor({ state: 'detached' })
    const contacts = page.getByRole('table', { name: 'Contacts' })
    await contacts.getByRole('row', { name: /Charles Babbage/ }).waitFor()
    await page.assertTextContains(contacts.getByRole('row', { name: /Ada Lovelace/ }), 'Primary')

    // …and two tags.
    for (const tag of ['Retainer', 'Enterprise']) {
      await page.getByLabel('New tag').fill(tag)
      await page.getByRole('button', { name: 'Create and add' }).click()
      await page.getByRole('list', { name: 'Tags of this client' }).getByText(tag).waitFor()
    }

    // A deal for it, on the board.
    await page.getByRole('link', { name: 'Deals' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Deals' }).waitFor()
    await page.getByRole('button', { name: 'New deal' }).click()
    const dealDialog = page.getByRole('dialog', { name: 'New deal' })
    await dealDialog.getByLabel('Choose a client').fill('Acme')
    await page.getByRole('option', { name: 'Acme Robotics' }).click()
    await dealDialog.getByLabel('Title').fill('Factory dashboard')
    await dealDialog.getByLabel('Value (USD)').fill('25000')
    await dealDialog.getByRole('button', { name: 'Add deal' }).click()
    await dealDialog.waitFor({ state: 'detached' })
    const card = (stage: string) => page.getByRole('region', { name: stage }).getByRole('article', { name: 'Factory dashboard' })
    await card('Lead').waitFor()

    // Dragged lead → proposal → won.
    await drag(page, card('Lead'), page.getByRole('list', { name: 'Deals in Proposal' }))
    await card('Proposal').waitFor()
    await drag(page, card('Proposal'), page.getByRole('list', { name: 'Deals in Won' }))
    await card('Won').waitFor()

    // The project exists and links back to the deal and the client.
    await card('Won').getByRole('link', { name: /Open project/ }).click()
    await assertMoved(page, '/deals', /^\/projects\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: 'Factory dashboard' }).waitFor()
    await page.assertExists(page.getByRole('link', { name: 'From deal Factory dashboard' }))
    await page.assertExists(page.getByRole('link', { name: 'Acme Robotics' }).first())

    // The client's timeline shows each move, newest first, and the new project.
    const client = await open(browserContext, clientPath)
    const timeline = client.getByRole('list', { name: 'Timeline, newest first' })
    const entries = timeline.getByRole('listitem')
    await entries.first().waitFor()
    const texts = await entries.allInnerTexts()
    const at = (pattern: RegExp) => texts.findIndex((text) => pattern.test(text))
    const created = at(/Deal “Factory dashboard” created in Lead/)
    const toProposal = at(/moved from Lead to Proposal/)
    const toWon = at(/moved from Proposal to Won/)
    const project = at(/Project “Factory dashboard” created/)
    for (const [name, index] of Object.entries({ created, toProposal, toWon, project })) {
      if (index < 0) throw new Error(`The timeline lacks "${name}":\n${texts.join('\n---\n')}`)
    }
    // (The project and the move to won are written by the same request: their order is not asserted.)
    if (!(toWon < toProposal && toProposal < created)) {
      throw new Error(`The timeline is not newest first:\n${texts.join('\n---\n')}`)
    }
    await client.assertExists(client.getByRole('link', { name: /Factory dashboard/ }).first())
  }).timeout(180_000)
})
