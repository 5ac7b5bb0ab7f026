import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import { resolveRates } from '#projects/public/rates'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')

async function setup(name: string) {
  const agency = await createAgency(name)
  const manager = await createUser(agency.agencyId, 'manager')
  const member = await createUser(agency.agencyId, 'member')
  const { clientId } = await createClient(agency.agencyId, `${name} client`)
  return { ...agency, manager, member, clientId }
}

test.group('Project workspace pages', () => {
  test('a manager creates a project from the form and lands on its overview', async ({ client, assert }) => {
    const a = await setup('Form')
    const web = await new WebSession(client).login(a.manager.email, PASSWORD)
    const form = await web.page('/projects/create')
    assert.equal(form.component, 'projects/create')
    assert.deepInclude(form.props.options.clients, { value: a.clientId, label: 'Form client' })
    // Members cannot manage projects, so they are not offered as managers.
    assert.notInclude(form.props.options.managers.map((m: any) => m.value), a.member.userId)

    const created = await web.post('/projects', { clientId: a.clientId, name: 'From the form', billingType: 'fixed', budget: 500_000, deadline: '2026-06-30' })
    assert.equal(created.status(), 302)
    const location = created.headers().location as string
    assert.match(location, /^\/projects\/[0-9a-f-]{36}$/)

    const overview = await web.page(location)
    assert.equal(overview.component, 'projects/show')
    assert.containsSubset(overview.props.project, { name: 'From the form', billingType: 'fixed', budget: 500_000, deadline: '2026-06-30', progress: 0 })
    assert.deepEqual(overview.props.project.team.map((m: any) => m.userId), [a.manager.userId])
    assert.containsSubset(overview.props.budget, { budgetCents: 500_000, spentCents: 0, overBudget: false })
    assert.deepEqual(overview.props.milestones, [])
  })

  test('the list offers "New project" to owners and managers only; members get a 403 on the form', async ({ client, assert }) => {
    const a = await setup('Buttons')
    const asOwner = await new WebSession(client).login(a.email, PASSWORD)
    assert.isTrue((await asOwner.page('/projects')).props.can.create)
    const asMember = await new WebSession(client).login(a.member.email, PASSWORD)
    assert.isFalse((await asMember.page('/projects')).props.can.create)
    assert.equal((await asMember.get('/projects/create')).status(), 403)
  })

  test('settings save fields, move the status, and show an illegal move as an error', async ({ client, assert }) => {
    const a = await setup('Settings')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    await web.post('/projects', { clientId: a.clientId, name: 'Tune me' })
    const id = (await owner().from('projects').where('agency_id', a.agencyId).first()).id
    const settingsUrl = `/projects/${id}/settings`

    const page = await web.page(settingsUrl)
    assert.equal(page.component, 'projects/settings')
    assert.deepEqual(page.props.statuses, ['active', 'on_hold'])

    const saved = await web.send('put', `/projects/${id}`, { name: 'Tuned', budgetHours: 10, startDate: '2026-03-01', deadline: '2026-02-01' }, settingsUrl)
    assert.equal(saved.status(), 302)
    assert.match((await web.page(settingsUrl)).props.errors.deadline, /before the start date/)
    await web.send('put', `/projects/${id}`, { name: 'Tuned', budgetHours: 10 }, settingsUrl)
    assert.containsSubset((await web.page(settingsUrl)).props.project, { name: 'Tuned', budgetHours: 10 })

    const illegal = await web.send('put', `/projects/${id}/status`, { status: 'completed' }, settingsUrl)
    assert.equal(illegal.status(), 302)
    const after = await web.page(settingsUrl)
    assert.match(after.props.flash.error, /cannot move from planning to completed/)
    assert.equal(after.props.project.status, 'planning')
    await web.send('put', `/projects/${id}/status`, { status: 'active' }, settingsUrl)
    assert.equal((await web.page(settingsUrl)).props.project.status, 'active')
  })

  test('the team tab adds, edits and removes people; members read it without controls', async ({ client, assert }) => {
    const a = await setup('Team')
    const web = await new WebSession(client).login(a.manager.email, PASSWORD)
    await web.post('/projects', { clientId: a.clientId, name: 'Staffed' })
    const id = (await owner().from('projects').where('agency_id', a.agencyId).first()).id
    const teamUrl = `/projects/${id}/team`

    const team = await web.page(teamUrl)
    assert.equal(team.component, 'projects/team')
    assert.include(team.props.staff.map((s: any) => s.value), a.member.userId)
    await web.send('post', teamUrl, { userId: a.member.userId, role: 'member', billableRate: 9_000, costRate: null, weeklyHours: '8' }, teamUrl)
    await web.send('put', `${teamUrl}/${a.member.userId}`, { role: 'member', billableRate: 9_500, costRate: 4_000, weeklyHours: 10 }, teamUrl)
    const members = (await web.page(teamUrl)).props.project.team
    assert.deepEqual(members[1], { userId: a.member.userId, name: 'member person', role: 'member', billableRate: 9_500, costRate: 4_000, weeklyHours: 10 })

    const asMember = await new WebSession(client).login(a.member.email, PASSWORD)
    const seen = await asMember.page(teamUrl)
    assert.isFalse(seen.props.can.manage)
    assert.deepEqual(seen.props.staff, [])
    assert.equal((await asMember.send('delete', `${teamUrl}/${a.manager.userId}`, {}, teamUrl)).status(), 403)

    await web.send('delete', `${teamUrl}/${a.member.userId}`, {}, teamUrl)
    assert.lengthOf((await web.page(teamUrl)).props.project.team, 1)
    assert.equal((await asMember.get(teamUrl)).status(), 404)
  })
})

test.group('Rates through the projects public service', () => {
  test('resolveRates reads the member override, project rate, person rates and agency defaults from the database', async ({ client, assert }) => {
    const a = await setup('Rates')
    await owner().from('users').where('id', a.member.userId).update({ hourly_rate_cents: 8_000, cost_rate_cents: 3_000 })
    ;(await client.patch('/api/agency').bearerToken(a.token).json({ defaultHourlyRate: 7_000, defaultCostRate: 2_500 })).assertStatus(200)
    const id = (await client.post('/api/projects').bearerToken(a.token).json({ clientId: a.clientId, name: 'Rated', hourlyRate: 10_000 })).body().project.id
    await client.post(`/api/projects/${id}/members`).bearerToken(a.token).json({ userId: a.member.userId, costRate: 3_500 })

    const rates = (userId: string) => withTenant(a.agencyId, () => resolveRates(id, userId), 'owner')
    assert.deepEqual(await rates(a.member.userId), { billableRateCents: 10_000, costRateCents: 3_500, billableSource: 'project', costSource: 'project_member' })
    // The owner has no rates of their own and no override: agency defaults for cost, project rate for billing.
    assert.deepEqual(await rates(a.userId), { billableRateCents: 10_000, costRateCents: 2_500, billableSource: 'project', costSource: 'agency' })
    await client.patch(`/api/projects/${id}`).bearerToken(a.token).json({ hourlyRate: null })
    assert.deepEqual(await rates(a.member.userId), { billableRateCents: 8_000, costRateCents: 3_500, billableSource: 'member', costSource: 'project_member' })
    assert.deepEqual(await rates(a.userId), { billableRateCents: 7_000, costRateCents: 2_500, billableSource: 'agency', costSource: 'agency' })
  })

  test('the agency settings expose and validate the default rates', async ({ client, assert }) => {
    const a = await setup('Defaults')
    const response = await client.patch('/api/agency').bearerToken(a.token).json({ defaultHourlyRate: 12_000, defaultCostRate: 5_000 })
    response.assertStatus(200)
    assert.containsSubset(response.body().agency, { defaultHourlyRate: 12_000, defaultCostRate: 5_000 })
    ;(await client.patch('/api/agency').bearerToken(a.token).json({ defaultHourlyRate: -1 })).assertStatus(422)
    ;(await client.patch('/api/agency').bearerToken(a.token).json({ defaultCostRate: 12.5 })).assertStatus(422)
    const cleared = await client.patch('/api/agency').bearerToken(a.token).json({ defaultCostRate: null })
    cleared.assertStatus(200)
    const row = await owner().from('agencies').where('id', a.agencyId).first()
    assert.equal(row.default_hourly_rate_cents, 12_000)
    assert.isNull(row.default_cost_rate_cents)
  })
})
