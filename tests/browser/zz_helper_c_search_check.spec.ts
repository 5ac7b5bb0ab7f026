import { test } from '@japa/runner'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import { createAgency, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { signIn } from '#tests/helpers/browser_pages'

test.group('TMP global search', () => {
  test('combobox', async ({ browserContext, assert }) => {
    const a = await createAgency('Search')
    const { clientId } = await createClient(a.agencyId, 'Northwind Traders', { name: 'Ada Lovelace', email: 'ada@northwind.test' })
    await createClient(a.agencyId, 'Northwind Logistics', { name: 'Bob', email: 'bob@nwl.test' })
    const project = await withTenant(a.agencyId, () => Project.create({ clientId, name: 'Northwind portal', currency: 'EUR', status: 'active', budgetCents: 100000 }))
    const page = await signIn(browserContext, a.email, PASSWORD)
    const box = page.getByRole('combobox', { name: 'Search' })
    await page.assertExists(box)
    console.log('attrs', await box.evaluate((el) => el.outerHTML))
    await page.keyboard.press('/')
    assert.isTrue(await box.evaluate((el) => el === document.activeElement))
    await box.fill('n')
    await page.waitForTimeout(500)
    console.log('after n', await page.locator('[role=listbox]').textContent(), await box.getAttribute('aria-expanded'))
    await box.fill('northwind')
    const listbox = page.getByRole('listbox')
    await page.assertExists(listbox.getByRole('option', { name: /Northwind Traders/ }))
    console.log('active', await box.getAttribute('aria-activedescendant'))
    await page.keyboard.press('ArrowDown')
    console.log('active after down', await box.getAttribute('aria-activedescendant'))
    await page.keyboard.press('Escape')
    console.log('expanded after esc', await box.getAttribute('aria-expanded'), await box.inputValue(), await listbox.isVisible())
    await box.fill('northwind po')
    await page.assertExists(listbox.getByRole('option', { name: /Northwind portal/ }))
    await page.waitForTimeout(400)
    console.log('active2', await box.getAttribute('aria-activedescendant'), await listbox.textContent())
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === `/projects/${project.id}`, { timeout: 10000 })
    console.log('url', page.url(), await page.getByRole('heading', { level: 1 }).textContent())
    console.log('box after visit', await box.inputValue(), await box.getAttribute('aria-expanded'))
    await box.fill('zzzz')
    await page.waitForTimeout(1000)
    console.log('noresults', await page.getByRole('listbox').textContent())
    await box.fill('northwind tra')
    await page.getByRole('option', { name: /Northwind Traders/ }).click()
    await page.waitForTimeout(1500)
    console.log('clicked ->', page.url())
    // typing "/" in the box does not steal
    await box.fill('')
    await box.type('a/b')
    console.log('typed', await box.inputValue())
  })
})
