import { test } from '@japa/runner'
import { withTenant } from '#core/public/tenancy'
import DealStage from '#crm/models/deal_stage'
import Deal from '#crm/models/deal'
import { relatedRecords } from '#crm/public/client_relations'
import CreateProjectFromDeal from '#projects/actions/create_project_from_deal'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { assignToProject, createClient } from '#tests/helpers/crm'
import { pageOf, WebSession } from '#tests/helpers/web_session'

/** A client with a deal won into a project, the way the pipeline does it. */
async function wonProject(agencyId: string, names: { client: string; deal: string }, ownerUserId: string | null = null) {
  const { clientId } = await createClient(agencyId, names.client, { name: 'Grace Hopper', email: `grace@${names.client.toLowerCase().replace(/\W/g, '')}.test` })
  return withTenant(agencyId, async () => {
    const won = await DealStage.query().where('kind', 'won').firstOrFail()
    const deal = await Deal.create({ clientId, stageId: won.id, title: names.deal, valueCents: 2_500_000, currency: 'EUR', probability: 100, ownerUserId })
    const { projectId } = await new CreateProjectFromDeal().handle({
      dealId: deal.id,
      clientId,
      title: deal.title,
      description: 'Full redesign, four templates',
      valueCents: deal.valueCents,
      currency: deal.currency,
      ownerUserId,
    })
    return { clientId, dealId: deal.id, projectId }
  })
}

test.group('Project pages', () => {
  test('the list shows each project with its client, status, budget and source deal', async ({ client, assert }) => {
    const agency = await createAgency('Projects')
    const first = await wonProject(agency.agencyId, { client: 'Northwind', deal: 'Website relaunch' }, agency.userId)
    const second = await wonProject(agency.agencyId, { client: 'Contoso', deal: 'Brand refresh' })

    const web = await new WebSession(client).login(agency.email, PASSWORD)
    const page = await web.page('/projects')
    assert.equal(page.component, 'projects/index')
    assert.sameMembers(
      page.props.projects.map((p: any) => p.id),
      [first.projectId, second.projectId]
    )
    const row = page.props.projects.find((p: any) => p.id === first.projectId)
    assert.deepInclude(row, {
      name: 'Website relaunch',
      status: 'planning',
      budget: 2_500_000,
      currency: 'EUR',
      client: { id: first.clientId, name: 'Northwind' },
      sourceDeal: { id: first.dealId, title: 'Website relaunch' },
    })
  })

  test('a new agency sees an empty list that explains where projects come from', async ({ client, assert }) => {
    const agency = await createAgency('Empty')
    const web = await new WebSession(client).login(agency.email, PASSWORD)
    const response = await web.get('/projects')
    assert.deepEqual(pageOf(response.text()).props.projects, [])
    assert.include(response.text(), 'No projects match')
    assert.include(response.text(), 'Projects start from won deals or with “New project”')
    assert.include(response.text(), 'href="/projects/create"')
  })

  test('the project page links back to its client and deal and lists the team', async ({ client, assert }) => {
    const agency = await createAgency('Show')
    const member = await createUser(agency.agencyId, 'member')
    const won = await wonProject(agency.agencyId, { client: 'Initech', deal: 'TPS portal' }, agency.userId)
    await assignToProject(agency.agencyId, won.projectId, member.userId)

    const web = await new WebSession(client).login(agency.email, PASSWORD)
    const page = await web.page(`/projects/${won.projectId}`)
    assert.equal(page.component, 'projects/show')
    assert.deepInclude(page.props.project, {
      name: 'TPS portal',
      description: 'Full redesign, four templates',
      client: { id: won.clientId, name: 'Initech' },
      sourceDeal: { id: won.dealId, title: 'TPS portal' },
    })
    const blank = { billableRate: null, costRate: null, weeklyHours: null }
    assert.deepEqual(page.props.project.team, [
      { userId: agency.userId, name: 'Olivia Owner', role: 'manager', ...blank },
      { userId: member.userId, name: 'member person', role: 'member', ...blank },
    ])
  })

  test('another agency\u2019s project is a 404 and never listed', async ({ client, assert }) => {
    const a = await createAgency('Alpha')
    const b = await createAgency('Bravo')
    const theirs = await wonProject(b.agencyId, { client: 'Umbrella', deal: 'Secret lab site' })

    const web = await new WebSession(client).login(a.email, PASSWORD)
    assert.equal((await web.get(`/projects/${theirs.projectId}`)).status(), 404)
    assert.deepEqual((await web.page('/projects')).props.projects, [])
    assert.equal((await web.get('/projects/not-a-uuid')).status(), 404)
  })

  test('the API lists and shows projects like the pages, 404 for another agency\u2019s or an unassigned member\u2019s', async ({ client, assert }) => {
    const a = await createAgency('Api')
    const b = await createAgency('Other')
    const member = await createUser(a.agencyId, 'member')
    const ours = await wonProject(a.agencyId, { client: 'Initech', deal: 'TPS portal' }, a.userId)
    const theirs = await wonProject(b.agencyId, { client: 'Umbrella', deal: 'Secret lab site' })

    const list = await client.get('/api/projects').bearerToken(a.token)
    list.assertStatus(200)
    assert.deepEqual(list.body().projects.map((p: any) => p.id), [ours.projectId])
    const show = await client.get(`/api/projects/${ours.projectId}`).bearerToken(a.token)
    show.assertStatus(200)
    assert.containsSubset(show.body().project, {
      id: ours.projectId,
      name: 'TPS portal',
      status: 'planning',
      budget: 2_500_000,
      client: { id: ours.clientId, name: 'Initech' },
      sourceDeal: { id: ours.dealId, title: 'TPS portal' },
    })
    ;(await client.get(`/api/projects/${theirs.projectId}`).bearerToken(a.token)).assertStatus(404)
    ;(await client.get(`/api/projects/${ours.projectId}`).bearerToken(member.token)).assertStatus(404)
  })

  test('a member sees only the projects they are assigned to, without deal details', async ({ client, assert }) => {
    const agency = await createAgency('Members')
    const member = await createUser(agency.agencyId, 'member')
    const assigned = await wonProject(agency.agencyId, { client: 'Globex', deal: 'Intranet' })
    const other = await wonProject(agency.agencyId, { client: 'Hooli', deal: 'Landing pages' })
    await assignToProject(agency.agencyId, assigned.projectId, member.userId)

    const web = await new WebSession(client).login(member.email, PASSWORD)
    const list = await web.page('/projects')
    assert.deepEqual(list.props.projects.map((p: any) => p.id), [assigned.projectId])
    // Members see the project's client, but deals are not theirs to see.
    assert.deepEqual(list.props.projects[0].client, { id: assigned.clientId, name: 'Globex' })
    assert.isNull(list.props.projects[0].sourceDeal)

    const show = await web.page(`/projects/${assigned.projectId}`)
    assert.equal(show.props.project.name, 'Intranet')
    assert.equal((await web.get(`/projects/${other.projectId}`)).status(), 404)
  })

  test('the client page\u2019s relations list the client\u2019s projects with status and budget', async ({ assert }) => {
    const agency = await createAgency('Relations')
    const won = await wonProject(agency.agencyId, { client: 'Stark', deal: 'Armor configurator' })
    const sections = await withTenant(agency.agencyId, () => relatedRecords(won.clientId), 'owner')
    const projects = sections.find((section) => section.key === 'projects')
    assert.deepEqual(projects, {
      key: 'projects',
      label: 'Projects',
      records: [{ id: won.projectId, title: 'Armor configurator', detail: 'Planning · €25,000.00', href: `/projects/${won.projectId}` }],
    })
  })
})
