import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Page } from 'playwright'
import { tenancy, withTenant } from '#core/public/tenancy'
import Contact from '#crm/models/contact'
import GenerateInvoice from '#billing/actions/generate_invoice'
import SendInvoice from '#billing/actions/send_invoice'
import { PASSWORD, uniqueEmail } from '#tests/helpers/factories'
import { assertMoved, open, origin, signIn } from '#tests/helpers/browser_pages'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { drained, invoiceState, postStripeEvent, stripeStub } from '#tests/helpers/stripe_billing'
import { approveTime, logTime, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')
const day = (offset: number) => DateTime.utc().plus({ days: offset }).toISODate()!
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** The status badge next to the staff invoice page's title. */
const staffStatusBadge = (page: Page, number: string) =>
  page.getByRole('heading', { level: 1, name: `Invoice ${number}` }).locator('xpath=../following-sibling::div[1]')

test.group('Portal', () => {
  test('invite a contact → magic link by real SMTP → progress → approve one deliverable, send another back (a task) → feedback → pay (signed webhook) → paid in the portal and for the agency', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    // ---- Setup: an agency, its client's project with milestones and tasks, a contact not yet invited, a sent invoice.
    const team = await timeTeam('Portal journey')
    const projectName = 'Portal journey project'
    const agency = await owner().from('agencies').where('id', team.agencyId).select('name').firstOrFail()
    await owner()
      .table('milestones')
      .insert([
        { agency_id: team.agencyId, project_id: team.projectId, name: 'Kick-off', status: 'completed', completed_at: new Date(), position: 0 },
        { agency_id: team.agencyId, project_id: team.projectId, name: 'Beta launch', due_date: day(10), position: 1 },
      ])
    // 3 h done out of 4 h: 75 %.
    await owner()
      .table('tasks')
      .insert([
        { agency_id: team.agencyId, project_id: team.projectId, title: 'Design sign-off', status: 'done', completed_at: new Date(), estimate_seconds: 3 * 3600, visible_to_client: true, position: 0 },
        { agency_id: team.agencyId, project_id: team.projectId, title: 'Build the landing page', status: 'in_progress', estimate_seconds: 3600, visible_to_client: true, position: 0 },
      ])
    const contactEmail = uniqueEmail('carla')
    const contactId = await withTenant(team.agencyId, async () => {
      const contact = await Contact.create({ clientId: team.clientId, name: 'Carla Client', email: contactEmail, isPrimary: false, isBillingContact: false, portalAccess: false })
      return contact.id
    })
    // Two hours of approved time, invoiced and sent by the owner with the real actions (150.00/h: $300.00).
    const workDay = day(-3)
    const entryId = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: workDay, seconds: 7200, description: 'Design' })
    await approveTime([entryId])
    const asOwner = { agencyId: team.agencyId, userId: team.owner.userId, role: 'owner' as const }
    const generated = await tenancy.run(async () => (await new GenerateInvoice().handle({ projectId: team.projectId, from: workDay, to: workDay, groupBy: 'member' })).invoice, asOwner)
    await tenancy.run(() => new SendInvoice().handle(generated.id), asOwner)
    const invoiceId = generated.id
    const number = generated.number
    assert.equal(Number(generated.totalCents), 30_000)
    assert.equal((await invoiceState(invoiceId)).status, 'sent')

    // ---- The owner invites the contact from the client page.
    await signIn(browserContext, team.owner.email, PASSWORD)
    const clientPage = await open(browserContext, `/clients/${team.clientId}`)
    await clientPage.getByRole('button', { name: /^Invite to portal\s*: Carla Client$/ }).click()
    await clientPage.getByRole('button', { name: /^Revoke portal access\s*: Carla Client$/ }).waitFor()
    await clientPage.getByText(/invited to the portal/).first().waitFor()
    const invitation = await mailCatcher.waitFor(contactEmail, new RegExp(`${agency.name} invited you to their client portal`))
    assert.include(invitation.text!, 'Hello Carla Client')
    const magicPath = invitation.text!.match(/\/portal\/auth\/[A-Za-z0-9_-]+/)![0]

    // ---- The owner shares two deliverables on the Files tab, asking for approval.
    const files = await open(browserContext, `/projects/${team.projectId}/files`)
    const uploads = [
      { title: 'Homepage design', file: { name: 'homepage.pdf', mimeType: 'application/pdf', buffer: PDF } },
      { title: 'Logo v1', file: { name: 'logo.png', mimeType: 'image/png', buffer: PNG } },
    ]
    for (const upload of uploads) {
      await files.getByLabel('Title', { exact: true }).fill(upload.title)
      await files.getByLabel('File', { exact: true }).setInputFiles(upload.file)
      await files.getByRole('checkbox', { name: 'Ask the client for approval' }).check()
      await files.getByRole('button', { name: 'Upload', exact: true }).click()
      const item = files.getByRole('listitem').filter({ has: files.getByText(upload.title, { exact: true }) })
      await item.getByText('Awaiting approval', { exact: true }).waitFor()
      await mailCatcher.waitFor(contactEmail, new RegExp(`New deliverable to approve: ${upload.title}`))
      // The form is reset for the next one.
      assert.equal(await files.getByLabel('Title', { exact: true }).inputValue(), '')
    }
    assert.deepEqual(
      (await owner().from('deliverables').where('project_id', team.projectId).orderBy('created_at').select('title', 'status', 'file_name')).map((row) => [row.title, row.status, row.file_name]),
      [
        ['Homepage design', 'pending', 'homepage.pdf'],
        ['Logo v1', 'pending', 'logo.png'],
      ]
    )

    // ---- The contact, in a browser of their own, opens the emailed link.
    const contactContext = await browser.newContext()
    cleanup(() => contactContext.close())
    const home = await open(contactContext, magicPath)
    await home.waitForURL((url) => url.pathname === '/portal')
    await home.getByText(agency.name).first().waitFor()
    const progress = home.getByRole('progressbar', { name: `${projectName} progress` })
    assert.equal(await progress.getAttribute('aria-valuenow'), '75')
    await home.getByText('75%').first().waitFor()
    await home.getByText('Beta launch').first().waitFor()
    // The link is single use: opened again, it signs no one in.
    const reused = await fetch(`${origin()}${magicPath}`, { redirect: 'manual' })
    assert.notEqual(reused.headers.get('location'), '/portal')
    assert.lengthOf(await owner().from('portal_sessions').where('contact_id', contactId), 1)

    await home.getByRole('link', { name: projectName }).click()
    await assertMoved(home, '/portal', `/portal/projects/${team.projectId}`)
    const project = home
    await project.getByRole('heading', { level: 1, name: projectName }).waitFor()
    assert.equal(await project.getByRole('progressbar', { name: `${projectName} progress` }).getAttribute('aria-valuenow'), '75')
    await project.getByText('Design sign-off', { exact: true }).waitFor()
    await project.getByText('Build the landing page', { exact: true }).waitFor()
    await project.getByText('Kick-off').first().waitFor()
    await project.getByText('Beta launch').first().waitFor()

    const deliverables = project.getByRole('region', { name: 'Deliverables' })
    const deliverable = (title: string) => deliverables.getByRole('listitem').filter({ has: project.getByText(title, { exact: true }) })
    await deliverable('Homepage design').getByText('Awaiting approval').waitFor()
    await deliverable('Logo v1').getByText('Awaiting approval').waitFor()
    // Download: the file, through a signed URL.
    const href = (await deliverable('Homepage design').getByRole('link', { name: 'Download' }).getAttribute('href'))!
    const download = await contactContext.request.get(new URL(href, origin()).toString())
    assert.equal(download.status(), 200)
    assert.isTrue((await download.body()).equals(PDF))

    // Approve the first.
    await deliverable('Homepage design').getByRole('button', { name: 'Approve' }).click()
    await deliverable('Homepage design').getByText('Approved', { exact: true }).first().waitFor()
    await project.assertNotExists(deliverable('Homepage design').getByRole('button', { name: 'Approve' }))

    // Send the second back with a comment.
    await deliverable('Logo v1').getByRole('button', { name: 'Request revision' }).click()
    await deliverable('Logo v1').getByLabel('What should change?').fill('Make the blue darker, please')
    await deliverable('Logo v1').getByRole('button', { name: 'Send revision request' }).click()
    await deliverable('Logo v1').getByText('Revision requested', { exact: true }).first().waitFor()
    await deliverable('Logo v1').getByText('“Make the blue darker, please”').waitFor()

    // Feedback for the team.
    const feedback = project.getByRole('region', { name: 'Feedback' })
    await feedback.getByLabel('Your feedback').fill('Could the launch move a week earlier?')
    await feedback.getByRole('button', { name: 'Send to the team' }).click()
    await feedback.getByRole('listitem').filter({ hasText: 'Could the launch move a week earlier?' }).getByText('Pending').waitFor()
    assert.equal(await feedback.getByLabel('Your feedback').inputValue(), '')

    const decided = await owner().from('deliverables').where('project_id', team.projectId).orderBy('created_at').select('title', 'status', 'decision_comment', 'revision_task_id')
    assert.deepEqual(
      decided.map((row) => [row.title, row.status, row.decision_comment]),
      [
        ['Homepage design', 'approved', null],
        ['Logo v1', 'revision_requested', 'Make the blue darker, please'],
      ]
    )
    assert.isNotNull(decided[1].revision_task_id)

    // ---- Pay: the portal sends the contact to Stripe Checkout (the stub's URL, not followed).
    const stubOrigin = `http://127.0.0.1:${stripeStub.port}`
    await contactContext.route(
      (url) => url.origin === stubOrigin,
      (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Stripe Checkout</title><h1>Checkout (stub)</h1>' })
    )
    const invoicePage = await open(contactContext, `/portal/invoices/${invoiceId}`)
    await invoicePage.getByRole('heading', { level: 1, name: new RegExp(`Invoice ${number}`) }).getByText('Sent').waitFor()
    await invoicePage.getByRole('link', { name: /^Pay \$300\.00/ }).click()
    await invoicePage.waitForURL((url) => url.origin === stubOrigin, { timeout: 30_000 })
    const { stripe_checkout_session_id: sessionId } = await owner().from('invoices').where('id', invoiceId).firstOrFail()
    assert.equal(new URL(invoicePage.url()).pathname, `/pay/${sessionId}`)
    const session = stripeStub.sessions.get(sessionId)!
    assert.equal(session.amount_total, 30_000)

    // Stripe's truth: paid in full; it signs and posts checkout.session.completed; the worker applies it.
    stripeStub.succeed(session.payment_intent)
    const answer = await postStripeEvent(stripeStub.event('checkout.session.completed', { ...session, status: 'complete', payment_status: 'paid' }))
    assert.equal(answer.status, 200)
    assert.deepEqual(answer.body, { processed: true })
    await drained([team.agencyId])
    const state = await invoiceState(invoiceId)
    assert.equal(state.status, 'paid')
    assert.equal(state.paid, 30_000)

    const paidPage = await open(contactContext, `/portal/invoices/${invoiceId}`)
    await paidPage.getByRole('heading', { level: 1, name: new RegExp(`Invoice ${number}`) }).getByText('Paid', { exact: true }).waitFor()
    await paidPage.assertNotExists(paidPage.getByRole('link', { name: /^Pay / }))
    await paidPage.getByText(/^Payment ·/).waitFor()

    // ---- The agency: the invoice is paid.
    const staffInvoice = await open(browserContext, `/invoices/${invoiceId}`)
    await staffStatusBadge(staffInvoice, number).getByText('Paid', { exact: true }).waitFor()
    await staffInvoice.getByRole('table', { name: /Payments, refunds and disputes/ }).getByRole('cell', { name: 'Stripe' }).waitFor()

    // The revision and the feedback are tasks in the board's Review column.
    const board = await open(browserContext, `/projects/${team.projectId}/board`)
    const review = board.getByRole('list', { name: 'Tasks in Review' })
    await review.getByRole('article', { name: 'Revision requested: Logo v1' }).waitFor()
    await review.getByRole('article', { name: /^Client feedback: Could the launch move a week earlier\?/ }).waitFor()

    // The Files tab shows the decisions and the feedback.
    const filesAfter = await open(browserContext, `/projects/${team.projectId}/files`)
    await filesAfter.getByText('Approved by Carla Client').waitFor()
    await filesAfter.getByText('Revision requested by Carla Client').waitFor()
    await filesAfter.getByRole('region', { name: 'Client feedback' }).getByText('Could the launch move a week earlier?').waitFor()

    // The client page: the portal activity.
    const clientAfter = await open(browserContext, `/clients/${team.clientId}`)
    const activity = clientAfter.getByRole('list', { name: 'Portal activity' })
    await activity.getByText('Carla Client signed in').waitFor()
    await activity.getByText('Carla Client approved Homepage design').waitFor()
    await activity.getByText('Carla Client requested a revision of Logo v1').waitFor()
    await activity.getByText(`Carla Client sent feedback on ${projectName}`).waitFor()
    // Every portal access is logged: the decisions in order, between views.
    const log = await owner().from('portal_access_logs').where('contact_id', contactId).orderBy('created_at').select('action', 'detail')
    assert.deepEqual(
      log.filter((row) => row.action !== 'view').map((row) => `${row.action} ${row.detail}`),
      ['sign_in magic link', 'download homepage.pdf', 'approve Homepage design', 'request_revision Logo v1', `feedback ${projectName}`, 'pay checkout']
    )
    const titles = (await activity.getByRole('listitem').allInnerTexts()).join('\n')
    assert.include(titles, `Carla Client viewed ${number}`)
    // Clicking Pay is logged as going to Checkout, not as a payment.
    assert.include(titles, 'Carla Client went to Stripe Checkout to pay an invoice')
    assert.notInclude(titles, 'paid checkout')
  }).timeout(240_000)
})
