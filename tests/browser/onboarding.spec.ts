import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { assertMoved, errorOf, invalid, open } from '#tests/helpers/browser_pages'

const PASSWORD = 'correct-horse-battery-staple'

const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID()}@example.test`

async function openUserMenu(page: Page, userName: string) {
  await page.getByRole('button', { name: userName }).click()
  return page.getByRole('menu')
}

test.group('Onboarding', () => {
  test('owner signs up, invites a member, the member accepts and signs in', async ({ browser, browserContext, cleanup }) => {
    const agencyName = `Agency ${randomUUID().slice(0, 8)}`
    const ownerName = 'Olivia Owner'
    const memberName = 'Max Member'
    const memberEmail = uniqueEmail('member')

    // The owner creates the agency.
    const page = await open(browserContext, '/signup')
    await page.getByLabel('Agency name').fill(agencyName)
    await page.getByLabel('Your name').fill(ownerName)
    await page.getByLabel('Email').fill(uniqueEmail('owner'))
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Create agency' }).click()
    await assertMoved(page, '/signup', '/dashboard')
    await page.assertExists(page.getByRole('heading', { level: 1, name: 'Dashboard' }))

    // …and invites a member from Team settings.
    const menu = await openUserMenu(page, ownerName)
    await menu.getByRole('menuitem', { name: 'Team' }).click()
    await assertMoved(page, '/dashboard', '/settings/team')
    await page.getByRole('button', { name: 'Invite member' }).click()
    const dialog = page.getByRole('dialog', { name: 'Invite member' })
    await dialog.getByLabel('Email').fill(memberEmail)
    await dialog.getByLabel('Role').selectOption({ label: 'Member' })
    await dialog.getByRole('button', { name: 'Send invitation' }).click()
    await page.assertNotExists(dialog)

    const invitation = page.getByRole('table', { name: 'Pending invitations' }).getByRole('row', { name: memberEmail })
    await page.assertTextContains(invitation, 'Member')
    await page.assertTextContains(invitation, ownerName)

    // The member opens the emailed link in a browser of their own.
    const mail = await mailCatcher.waitFor(memberEmail, /invited/i)
    const link = mail.text?.match(/https?:\/\/\S+\/invitations\/\S+/)?.[0]
    if (!link) throw new Error(`No invitation link in the mail:\n${mail.text}`)
    const invitationPath = new URL(link).pathname // the mail's origin is APP_URL, not the test server
    const memberContext = await browser.newContext()
    cleanup(() => memberContext.close())

    const accept = await open(memberContext, invitationPath)
    await accept.assertExists(accept.getByRole('heading', { name: `Join ${agencyName} as member` }))
    await accept.assertInputValue(accept.getByLabel('Email'), memberEmail)
    await accept.getByLabel('Your name').fill(memberName)
    await accept.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await accept.getByLabel('Confirm password').fill(PASSWORD)
    await accept.getByRole('button', { name: `Join ${agencyName}` }).click()
    await assertMoved(accept, invitationPath, '/dashboard')
    await accept.assertExists(accept.getByRole('heading', { level: 1, name: 'Dashboard' }))
    await accept.assertExists(accept.getByRole('button', { name: memberName }))

    // Logs out…
    const memberMenu = await openUserMenu(accept, memberName)
    await memberMenu.getByRole('menuitem', { name: 'Log out' }).click()
    await assertMoved(accept, '/dashboard', '/login')
    await accept.assertExists(accept.getByRole('heading', { name: 'Sign in' }))

    // …and signs in again with the new password.
    await accept.getByLabel('Email').fill(memberEmail)
    await accept.getByLabel('Password').fill(PASSWORD)
    await accept.getByRole('button', { name: 'Sign in' }).click()
    await assertMoved(accept, '/login', '/dashboard')
    await accept.assertExists(accept.getByRole('button', { name: memberName }))
  })

  test('a signed-out visitor is sent to the sign-in page', async ({ browserContext }) => {
    const page = await open(browserContext, '/settings/team')
    await page.assertPath('/login')
    await page.assertExists(page.getByRole('heading', { level: 1, name: 'Sign in' }))
  })

  test('sign-up shows field errors and keeps the visitor on the form', async ({ browserContext }) => {
    const page = await open(browserContext, '/signup')
    await page.getByLabel('Agency name').fill('Some agency')
    await page.getByLabel('Your name').fill('Some One')
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Create agency' }).click()

    const emailError = await errorOf(page, 'Email')
    await page.assertVisible(emailError)
    await page.assertTextContains(emailError, 'valid email')
    const passwordError = await errorOf(page, 'Password')
    await page.assertVisible(passwordError)
    await page.assertTextContains(passwordError, '12 characters')
    await page.assertNotExists(invalid(page, 'Agency name'))
    await page.assertPath('/signup')
    await page.assertExists(page.getByRole('heading', { name: 'Create your agency' }))
  })
})
