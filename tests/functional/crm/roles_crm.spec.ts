import { test } from '@japa/runner'
import { withTenant } from '#core/public/tenancy'
import DealStage from '#crm/models/deal_stage'
import Deal from '#crm/models/deal'
import Tag from '#crm/models/tag'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

/** An agency with two clients and a deal each; the member works on a project of the first client only. */
async function agencyWithRoles() {
  const agency = await createAgency('Roles')
  const manager = await createUser(agency.agencyId, 'manager')
  const member = await createUser(agency.agencyId, 'member')
  const assigned = await createClient(agency.agencyId, 'Assigned Co', { name: 'Ann Assigned', email: 'ann@assigned.test' })
  const other = await createClient(agency.agencyId, 'Other Co', { name: 'Otto Other', email: 'otto@other.test' })
  const ids = await withTenant(agency.agencyId, async () => {
    const lead = await DealStage.query().where('kind', 'open').orderBy('position').firstOrFail()
    const deal = await Deal.create({ clientId: assigned.clientId, stageId: lead.id, title: 'Phase two', valueCents: 500_000, currency: 'EUR', probability: 10 })
    const project = await Project.create({ clientId: assigned.clientId, name: 'Phase one', status: 'active', currency: 'EUR', budgetCents: 1_000_000 })
    await ProjectMember.create({ projectId: project.id, userId: member.userId, role: 'member' })
    const tag = await Tag.create({ name: 'VIP' })
    return { dealId: deal.id, projectId: project.id, tagId: tag.id, leadStageId: lead.id }
  })
  return { ...agency, manager, member, assigned: assigned.clientId, other: other.clientId, ...ids }
}

test.group('CRM roles through the API and pages', () => {
  test('a member reads only the clients of their projects', async ({ client, assert }) => {
    const a = await agencyWithRoles()
    const list = await client.get('/api/clients').bearerToken(a.member.token)
    list.assertStatus(200)
    assert.equal(list.body().total, 1)
    assert.deepEqual(list.body().clients.map((c: any) => c.id), [a.assigned])

    ;(await client.get(`/api/clients/${a.assigned}`).bearerToken(a.member.token)).assertStatus(200)
    ;(await client.get(`/api/clients/${a.other}`).bearerToken(a.member.token)).assertStatus(404)
  })

  test('a member changes nothing in the CRM: 403 with a clear message', async ({ client, assert }) => {
    const a = await agencyWithRoles()
    const attempts = [
      client.post('/api/clients').json({ companyName: 'Mine now' }),
      client.patch(`/api/clients/${a.assigned}`).json({ companyName: 'Renamed' }),
      client.post(`/api/clients/${a.assigned}/archive`),
      client.post(`/api/clients/${a.assigned}/contacts`).json({ name: 'New person' }),
      client.put(`/api/clients/${a.assigned}/tags`).json({ tagIds: [a.tagId] }),
      client.post('/api/tags').json({ name: 'Mine' }),
      client.post(`/api/clients/${a.assigned}/notes`).json({ kind: 'note', body: 'Hello' }),
      client.post('/api/deals').json({ title: 'Side deal', value: 1000, clientId: a.assigned }),
      client.put(`/api/deals/${a.dealId}/stage`).json({ stage: 'proposal' }),
      client.post('/api/deal-stages').json({ name: 'Pitch', defaultProbability: 20 }),
    ]
    for (const request of attempts) {
      const response = await request.bearerToken(a.member.token)
      response.assertStatus(403)
      assert.match(response.body().errors[0].message, /Only owners and managers/)
    }
    const check = await client.get(`/api/clients/${a.assigned}`).bearerToken(a.token)
    assert.equal(check.body().client.companyName, 'Assigned Co')
  })

  test('a member sees no deals and no pipeline', async ({ client, assert }) => {
    const a = await agencyWithRoles()
    for (const path of ['/api/deals', `/api/deals/${a.dealId}`, '/api/deals/board', '/api/deals/forecast', '/api/deal-stages']) {
      ;(await client.get(path).bearerToken(a.member.token)).assertStatus(403)
    }
    const web = await new WebSession(client).login(a.member.email, PASSWORD)
    for (const path of ['/deals', '/deals/list', `/deals/${a.dealId}`, '/deals/stages']) {
      assert.equal((await web.get(path)).status(), 403, path)
    }
    const clients = await web.page('/clients')
    assert.include(JSON.stringify(clients.props), a.assigned)
    assert.notInclude(JSON.stringify(clients.props), a.other)
    // The main navigation (server-rendered) does not offer the pipeline to a member.
    const html = (await web.get('/clients')).text()
    assert.include(html, 'href="/clients"')
    assert.notInclude(html, 'href="/deals"')
  })

  test('a manager manages the whole CRM of the agency', async ({ client, assert }) => {
    const a = await agencyWithRoles()
    const list = await client.get('/api/clients').bearerToken(a.manager.token)
    assert.sameMembers(list.body().clients.map((c: any) => c.id), [a.assigned, a.other])

    const created = await client.post('/api/clients').bearerToken(a.manager.token).json({ companyName: 'Managed Co' })
    created.assertStatus(201)
    ;(await client.patch(`/api/clients/${a.other}`).bearerToken(a.manager.token).json({ industry: 'Retail' })).assertStatus(200)

    const deal = await client.post('/api/deals').bearerToken(a.manager.token).json({ title: 'Retainer', value: 2_500_000, clientId: a.other })
    deal.assertStatus(201)
    assert.equal(deal.body().deal.stage, 'lead')
    ;(await client.get('/api/deals').bearerToken(a.manager.token)).assertStatus(200)
    ;(await client.get(`/api/deals/${a.dealId}`).bearerToken(a.manager.token)).assertStatus(200)
  })
})
