import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import ProjectTemplate from '#projects/models/project_template'
import TemplateDependency from '#projects/models/template_dependency'
import TemplateMilestone from '#projects/models/template_milestone'
import TemplateTask from '#projects/models/template_task'
import { createAgency, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'
import { DateTime } from 'luxon'

const owner = () => db.connection('owner')

/** Kick-off on day 0, Build from day 3 to 10 after it, a Handover milestone on day 14. */
function createTemplate(agencyId: string, name: string, budgetCents: number | null = null) {
  return withTenant(agencyId, async () => {
    const template = await ProjectTemplate.create({ name, budgetCents, billingType: 'fixed' })
    const handover = await TemplateMilestone.create({ templateId: template.id, name: 'Handover', dueOffsetDays: 14, amountCents: null })
    const kickoff = await TemplateTask.create({ templateId: template.id, title: 'Kick-off', priority: 'high', status: 'todo', startOffsetDays: 0, dueOffsetDays: 0, position: 0 })
    const build = await TemplateTask.create({
      templateId: template.id,
      templateMilestoneId: handover.id,
      title: 'Build',
      priority: 'medium',
      status: 'todo',
      startOffsetDays: 3,
      dueOffsetDays: 10,
      position: 1,
    })
    await TemplateDependency.create({ templateTaskId: build.id, dependsOnTemplateTaskId: kickoff.id })
    return template.id
  })
}

async function openDeal(client: any, token: string, clientId: string, value = 2_500_000) {
  const response = await client.post('/api/deals').bearerToken(token).json({ title: 'Rebrand', value, clientId })
  return response.body().deal.id as string
}

/** Today in the agency's time zone, plus some days. */
let zone = 'UTC'
const day = (offset: number) => DateTime.now().setZone(zone).plus({ days: offset }).toISODate()

test.group('Won deals and project templates', () => {
  test('winning with a template gives the project its plan from today and keeps the deal value as budget', async ({ client, assert }) => {
    const a = await createAgency('Won template')
    const { clientId } = await createClient(a.agencyId, 'Hooli')
    const templateId = await createTemplate(a.agencyId, 'Brand sprint')
    zone = (await owner().from('agencies').where('id', a.agencyId).firstOrFail()).timezone
    const dealId = await openDeal(client, a.token, clientId)

    const won = await client.put(`/api/deals/${dealId}/stage`).bearerToken(a.token).json({ stage: 'won', templateId })
    won.assertStatus(200)
    const projectId = won.body().projectId
    const project = await owner().from('projects').where('id', projectId).firstOrFail()
    assert.containsSubset(project, { source_deal_id: dealId, budget_cents: 2_500_000, billing_type: 'fixed', start_date: day(0) })
    const tasks = await owner().from('tasks').where('project_id', projectId).orderBy('title')
    assert.deepEqual(tasks.map((t) => [t.title, t.start_date, t.due_date]), [['Build', day(3), day(10)], ['Kick-off', day(0), day(0)]])
    assert.lengthOf(await owner().from('task_dependencies').where('project_id', projectId), 1)
    const milestones = await owner().from('milestones').where('project_id', projectId)
    assert.deepEqual(milestones.map((m) => [m.name, m.due_date]), [['Handover', day(14)]])

    // Won again: the same project, no second copy of the plan.
    const again = await client.put(`/api/deals/${dealId}/stage`).bearerToken(a.token).json({ stage: 'won', templateId })
    assert.equal(again.body().projectId, projectId)
    assert.lengthOf(await owner().from('tasks').where('project_id', projectId), 2)
  })

  test('a template with its own budget replaces the deal value', async ({ client, assert }) => {
    const a = await createAgency('Template budget')
    const { clientId } = await createClient(a.agencyId, 'Pied Piper')
    const templateId = await createTemplate(a.agencyId, 'Fixed package', 900_000)
    const dealId = await openDeal(client, a.token, clientId)
    const won = await client.put(`/api/deals/${dealId}/stage`).bearerToken(a.token).json({ stage: 'won', templateId })
    const project = await withTenant(a.agencyId, () => Project.findOrFail(won.body().projectId))
    assert.equal(project.budgetCents, 900_000)
  })

  test('another agency’s template or a malformed id is a 422 and the deal stays where it was', async ({ client, assert }) => {
    const a = await createAgency('Mine')
    const b = await createAgency('Theirs')
    const { clientId } = await createClient(a.agencyId, 'Umbrella')
    const theirs = await createTemplate(b.agencyId, 'Not yours')
    const dealId = await openDeal(client, a.token, clientId)

    for (const templateId of [theirs, 'not-a-uuid']) {
      const response = await client.put(`/api/deals/${dealId}/stage`).bearerToken(a.token).json({ stage: 'won', templateId })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'templateId')
    }
    const deal = await owner().from('deals').where('id', dealId).firstOrFail()
    assert.isNull(deal.won_project_id)
    assert.lengthOf(await owner().from('projects').where('source_deal_id', dealId), 0)
  })

  test('the board and the deal page offer the agency’s templates, and winning from the board uses the chosen one', async ({ client, assert }) => {
    const a = await createAgency('Board')
    const b = await createAgency('Other board')
    const { clientId } = await createClient(a.agencyId, 'Vandelay')
    const templateId = await createTemplate(a.agencyId, 'Import/export')
    await createTemplate(b.agencyId, 'Elsewhere')
    const dealId = await openDeal(client, a.token, clientId)

    const session = await new WebSession(client).login(a.email, PASSWORD)
    const board = await session.page('/deals')
    assert.deepEqual(board.props.projectTemplates, [{ id: templateId, name: 'Import/export' }])
    assert.deepEqual((await session.page(`/deals/${dealId}`)).props.projectTemplates, [{ id: templateId, name: 'Import/export' }])
    const moved = await session.put(`/deals/${dealId}/stage`, { stage: 'won', templateId }, '/deals')
    moved.assertStatus(302)
    const deal = await owner().from('deals').where('id', dealId).firstOrFail()
    assert.lengthOf(await owner().from('tasks').where('project_id', deal.won_project_id), 2)
  })
})
