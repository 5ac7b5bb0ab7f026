import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { PASSWORD } from '#tests/helpers/factories'
import { open, origin, signIn } from '#tests/helpers/browser_pages'
import { asRuntimeRole } from '#tests/helpers/runtime_role'
import { timeTeam } from '#tests/helpers/time'

const entriesOf = (userId: string) =>
  db.connection('owner').from('time_entries').where('user_id', userId).orderBy('created_at').select('id', 'duration_seconds', 'status', 'description')

test.group('Time', () => {
  test('timer survives a reload; manual time; submit the week; the manager approves; approved time is refused everywhere', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    const team = await timeTeam('Browser time')
    await signIn(browserContext, team.member.email, PASSWORD)

    // The timer in the header: start, reload (the server keeps it), stop.
    const page = await open(browserContext, '/time')
    await page.getByRole('button', { name: 'Start timer' }).click()
    const dialog = page.getByRole('dialog', { name: 'Start timer' })
    await dialog.getByLabel('Project').selectOption({ label: 'Browser time project' })
    await dialog.getByLabel('Description').fill('Kick-off call')
    await dialog.getByRole('button', { name: 'Start', exact: true }).click()
    await page.getByRole('button', { name: 'Stop timer' }).waitFor()
    await page.waitForTimeout(1500)
    await page.reload()
    await page.waitForFunction(`document.querySelector('[data-page]')?.__vue_app__`)
    await page.getByRole('button', { name: 'Stop timer' }).click()
    await page.getByRole('button', { name: 'Start timer' }).waitFor()
    await page.getByRole('cell', { name: 'Kick-off call' }).first().waitFor()

    // Manual time on the day view.
    await page.getByLabel('Project').first().selectOption({ label: 'Browser time project' })
    await page.getByRole('textbox', { name: 'Duration' }).fill('1:30')
    await page.getByLabel('Description').first().fill('Wireframes')
    await page.getByRole('button', { name: 'Log time' }).click()
    await page.getByRole('cell', { name: 'Wireframes' }).first().waitFor()
    const logged = await entriesOf(team.member.userId)
    assert.deepEqual(logged.map((row) => row.description), ['Kick-off call', 'Wireframes'])
    assert.isAtLeast(logged[0].duration_seconds, 1)
    assert.equal(logged[1].duration_seconds, 5400)

    // Submit the week.
    const week = await open(browserContext, '/time/week')
    await week.getByRole('button', { name: 'Submit week' }).click()
    await week.getByRole('dialog', { name: 'Submit this week?' }).getByRole('button', { name: 'Submit week' }).click()
    await week.getByRole('region', { name: /Week status/ }).getByText('Submitted').waitFor()
    assert.deepEqual([...new Set((await entriesOf(team.member.userId)).map((row) => row.status))], ['submitted'])

    // The project's manager approves it in a browser of their own.
    const managerContext = await browser.newContext()
    cleanup(() => managerContext.close())
    await signIn(managerContext, team.manager.email, PASSWORD)
    const approvals = await open(managerContext, '/time/approvals')
    await approvals.getByRole('button', { name: 'Approve the week of member person' }).click()
    await approvals.getByText('Nothing waits for approval').waitFor()
    assert.deepEqual([...new Set((await entriesOf(team.member.userId)).map((row) => row.status))], ['approved'])

    // Approved time cannot change: the page offers no edit, the API answers 409, the database refuses.
    const day = await open(browserContext, '/time')
    await day.getByRole('cell', { name: 'Wireframes' }).first().waitFor()
    await day.assertNotExists(day.getByRole('button', { name: /Edit/ }))
    assert.isAtLeast(await day.getByText('Locked').count(), 2)
    const entryId = logged[1].id
    const api = await fetch(`${origin()}/api/time-entries/${entryId}`, {
      method: 'PATCH',
      headers: { 'authorization': `Bearer ${team.member.token}`, 'content-type': 'application/json', 'accept': 'application/json' },
      body: JSON.stringify({ description: 'Changed later' }),
    })
    assert.equal(api.status, 409)
    const context = { agencyId: team.agencyId, userId: team.member.userId, role: 'member' }
    await assert.rejects(
      () => asRuntimeRole(context, (trx) => trx.from('time_entries').where('id', entryId).update({ duration_seconds: 60 })),
      /cannot be changed/
    )
    assert.equal((await entriesOf(team.member.userId))[1].duration_seconds, 5400)
  })
})
