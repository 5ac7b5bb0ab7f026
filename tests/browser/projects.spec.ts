import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import ProjectTemplate from '#projects/models/project_template'
import TemplateDependency from '#projects/models/template_dependency'
import TemplateMilestone from '#projects/models/template_milestone'
import TemplateTask from '#projects/models/template_task'
import { createAgency, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { assertMoved, drag, open, signIn } from '#tests/helpers/browser_pages'

/** Kick-off on days 0–1, Build on days 2–6 after it, a Handover milestone on day 10. */
function launchTemplate(agencyId: string) {
  return withTenant(agencyId, async () => {
    const template = await ProjectTemplate.create({ name: 'Launch plan' })
    const handover = await TemplateMilestone.create({ templateId: template.id, name: 'Handover', dueOffsetDays: 10, amountCents: null })
    const kickoff = await TemplateTask.create({ templateId: template.id, title: 'Kick-off', priority: 'high', status: 'todo', startOffsetDays: 0, dueOffsetDays: 1, position: 0 })
    const build = await TemplateTask.create({
      templateId: template.id,
      templateMilestoneId: handover.id,
      title: 'Build',
      priority: 'medium',
      status: 'todo',
      startOffsetDays: 2,
      dueOffsetDays: 6,
      position: 1,
    })
    await TemplateDependency.create({ templateTaskId: build.id, dependsOnTemplateTaskId: kickoff.id })
  })
}

test.group('Projects', () => {
  test('create a project from a template, then drag a Gantt bar and find the new dates after reload', async ({ browserContext, assert }) => {
    const agency = await createAgency('Project templates')
    await createClient(agency.agencyId, 'Wayne Enterprises')
    await launchTemplate(agency.agencyId)
    const page = await signIn(browserContext, agency.email, PASSWORD)

    // The template, and a new project from it starting Monday 7 September 2026.
    const templates = await open(browserContext, '/projects/templates')
    await templates.getByRole('link', { name: 'Launch plan', exact: true }).click()
    await templates.getByRole('heading', { level: 1, name: 'Launch plan' }).waitFor()
    await templates.getByRole('link', { name: 'New project from this template' }).click()
    await templates.getByRole('heading', { level: 1, name: /New project from/ }).waitFor()
    await templates.getByLabel('Client').selectOption({ label: 'Wayne Enterprises' })
    await templates.getByLabel('Project name').fill('Batcave intranet')
    await templates.getByLabel('Start date').fill('2026-09-07')
    const usePath = new URL(templates.url()).pathname
    await templates.getByRole('button', { name: 'Create project' }).click()
    await assertMoved(templates, usePath, /^\/projects\/[0-9a-f-]{36}$/)
    await templates.getByRole('heading', { level: 1, name: 'Batcave intranet' }).waitFor()
    const projectId = new URL(templates.url()).pathname.split('/').pop()!

    // On the Gantt: both tasks, the milestone, Build starting 9 September.
    await templates.getByRole('link', { name: 'Gantt' }).click()
    await templates.waitForURL(`**/projects/${projectId}/gantt`)
    const gantt = templates
    const build = gantt.getByRole('button', { name: /^Build:/ })
    await build.waitFor()
    await gantt.getByRole('img', { name: /^Milestone Handover/ }).waitFor()
    const rowBefore = await gantt.getByRole('row', { name: /^Build/ }).textContent()

    // Drag Build two days later (32 px a day at the day zoom), in small steps as a hand would.
    const box = (await build.locator('rect').boundingBox())!
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    await gantt.mouse.move(start.x, start.y)
    await gantt.mouse.down()
    for (let step = 1; step <= 8; step++) {
      await gantt.mouse.move(start.x + step * 8, start.y)
      await gantt.waitForTimeout(20)
    }
    await gantt.mouse.up()
    await gantt.getByText('“Build” now', { exact: false }).waitFor({ state: 'attached' })

    await gantt.reload()
    await gantt.waitForFunction(`document.querySelector('[data-page]')?.__vue_app__`, null, { timeout: 45_000 })
    const rowAfter = await gantt.getByRole('row', { name: /^Build/ }).textContent()
    assert.notEqual(rowAfter, rowBefore)
    const saved = await db.connection('owner').from('tasks').where({ project_id: projectId, title: 'Build' }).firstOrFail()
    assert.deepEqual([saved.start_date, saved.due_date], ['2026-09-11', '2026-09-15'])

    // The keyboard does the same: focus Kick-off, one day earlier, Enter.
    await gantt.getByRole('button', { name: /^Kick-off:/ }).focus()
    await gantt.keyboard.press('ArrowLeft')
    await gantt.keyboard.press('Enter')
    await gantt.getByText('“Kick-off” now', { exact: false }).waitFor({ state: 'attached' })
    const kickoff = await db.connection('owner').from('tasks').where({ project_id: projectId, title: 'Kick-off' }).firstOrFail()
    assert.deepEqual([kickoff.start_date, kickoff.due_date], ['2026-09-06', '2026-09-07'])
    await page.close()
  })

  test('a deal dropped on Won offers the templates, and the project follows the chosen one', async ({ browserContext, assert }) => {
    const agency = await createAgency('Won with template')
    const { clientId } = await createClient(agency.agencyId, 'Stark Industries')
    await launchTemplate(agency.agencyId)
    const page = await signIn(browserContext, agency.email, PASSWORD)
    const response = await page.request.fetch(`${new URL(page.url()).origin}/api/deals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agency.token}`, 'content-type': 'application/json' },
      data: { title: 'Arc reactor site', value: 4_000_000, clientId },
    })
    assert.equal(response.status(), 201)

    const board = await open(browserContext, '/deals')
    const card = (stage: string) => board.getByRole('region', { name: stage }).getByRole('article', { name: 'Arc reactor site' })
    await drag(board, card('Lead'), board.getByRole('list', { name: 'Deals in Won' }))
    const dialog = board.getByRole('dialog', { name: 'Win “Arc reactor site”' })
    await dialog.getByRole('radio', { name: 'Template: Launch plan' }).check()
    await dialog.getByRole('button', { name: 'Create the project' }).click()
    await dialog.waitFor({ state: 'detached' })
    await card('Won').getByRole('link', { name: /Open project/ }).waitFor()

    const deal = await db.connection('owner').from('deals').where({ agency_id: agency.agencyId, title: 'Arc reactor site' }).firstOrFail()
    const tasks = await db.connection('owner').from('tasks').where('project_id', deal.won_project_id).orderBy('title')
    assert.deepEqual(tasks.map((task) => task.title), ['Build', 'Kick-off'])
    const project = await db.connection('owner').from('projects').where('id', deal.won_project_id).firstOrFail()
    assert.equal(project.budget_cents, 4_000_000)
  })
})
