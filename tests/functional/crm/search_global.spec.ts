import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { withTenant } from '#core/public/tenancy'
import Deal from '#crm/models/deal'
import DealStage from '#crm/models/deal_stage'
import CreateProjectFromDeal from '#projects/actions/create_project_from_deal'
import ProjectMember from '#projects/models/project_member'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

function createDeal(agencyId: string, clientId: string, title: string, stageKind: 'open' | 'won' = 'open') {
  return withTenant(agencyId, async () => {
    const stage = await DealStage.query().where('kind', stageKind).orderBy('position').firstOrFail()
    return Deal.create({ clientId, stageId: stage.id, title, valueCents: 100_000, currency: 'EUR', probability: stage.defaultProbability })
  })
}

/** Agency with two clients, an open deal, and a won deal whose project has a member assigned. */
async function agencyWithCrm(name: string, prefix: string) {
  const agency = await createAgency(name)
  const member = await createUser(agency.agencyId, 'member')
  const northwind = await createClient(agency.agencyId, `${prefix}Northwind Traders`, { name: 'Ada Lovelace', email: `ada@${prefix.toLowerCase()}northwind.test` })
  const globex = await createClient(agency.agencyId, `${prefix}Globex`, { name: 'Hank Scorpio', email: `hank@${prefix.toLowerCase()}globex.test` })
  const openDeal = await createDeal(agency.agencyId, northwind.clientId, `${prefix}Website relaunch`)
  const wonDeal = await createDeal(agency.agencyId, globex.clientId, `${prefix}Intranet rebuild`, 'won')
  const { projectId } = await withTenant(agency.agencyId, async () => {
    const project = await new CreateProjectFromDeal().handle({
      dealId: wonDeal.id,
      clientId: globex.clientId,
      title: wonDeal.title,
      description: null,
      valueCents: wonDeal.valueCents,
      currency: wonDeal.currency,
      ownerUserId: null,
    })
    await ProjectMember.create({ projectId: project.projectId, userId: member.userId, role: 'member' })
    return project
  })
  return { ...agency, member, northwind, globex, openDeal, wonDeal, projectId }
}

async function search(client: ApiClient, token: string, q: string) {
  const response = await client.get('/api/search').qs({ q }).bearerToken(token)
  response.assertStatus(200)
  return response.body() as { groups: { key: string; label: string; hits: { id: string; title: string; subtitle: string | null; href: string }[] }[] }
}

const group = (body: Awaited<ReturnType<typeof search>>, key: string) => body.groups.find((g) => g.key === key)?.hits ?? []

test.group('Global search', () => {
  test('an owner finds a client by company, a contact by email, a deal and a project by title', async ({ client, assert }) => {
    const a = await agencyWithCrm('Search', '')

    const byCompany = await search(client, a.token, 'northwind trad')
    assert.deepEqual(group(byCompany, 'clients'), [
      { id: a.northwind.clientId, title: 'Northwind Traders', subtitle: null, href: `/clients/${a.northwind.clientId}` },
    ])

    const byEmail = await search(client, a.token, 'HANK@globex')
    const contacts = group(byEmail, 'contacts')
    assert.lengthOf(contacts, 1)
    assert.deepInclude(contacts[0], { title: 'Hank Scorpio', href: `/clients/${a.globex.clientId}` })
    assert.include(contacts[0].subtitle!, 'hank@globex.test')

    const byTitle = await search(client, a.token, 'relaunch')
    assert.deepEqual(group(byTitle, 'deals').map((hit) => [hit.id, hit.href]), [[a.openDeal.id, `/deals/${a.openDeal.id}`]])

    const project = await search(client, a.token, 'intranet')
    assert.deepEqual(group(project, 'projects'), [
      { id: a.projectId, title: 'Intranet rebuild', subtitle: 'Planning · Globex', href: `/projects/${a.projectId}` },
    ])
    assert.deepEqual(
      project.groups.map((g) => [g.key, g.label]),
      [
        ['deals', 'Deals'],
        ['projects', 'Projects'],
      ]
    )
  })

  test('the header box asks the same over the signed-in session', async ({ client, assert }) => {
    const a = await agencyWithCrm('Session', '')
    const web = await new WebSession(client).login(a.email, PASSWORD)
    const response = await client.get('/search').qs({ q: 'globex' }).header('cookie', web.cookieHeader).header('accept', 'application/json')
    response.assertStatus(200)
    assert.deepEqual(
      response.body().groups.map((g: any) => [g.key, g.label, g.hits.length]),
      [
        ['clients', 'Clients', 1],
        ['contacts', 'Contacts', 1],
      ]
    )
    const short = await client.get('/search').qs({ q: 'g' }).header('cookie', web.cookieHeader).header('accept', 'application/json')
    short.assertStatus(422)
    assert.equal(short.body().errors[0].field, 'q')
    // Signed out: no answer.
    const anonymous = await client.get('/search').qs({ q: 'globex' }).header('accept', 'application/json').redirects(0)
    assert.oneOf(anonymous.status(), [302, 401])
  })

  test('another agency\u2019s clients, contacts, deals and projects never appear', async ({ client, assert }) => {
    const a = await agencyWithCrm('Alpha', '')
    const b = await agencyWithCrm('Bravo', 'B ')
    for (const q of ['northwind', 'globex', 'relaunch', 'intranet', 'ada@', 'hank']) {
      const body = JSON.stringify(await search(client, a.token, q))
      for (const id of [b.northwind.clientId, b.globex.clientId, b.openDeal.id, b.wonDeal.id, b.projectId]) {
        assert.notInclude(body, id, `agency B's row found with "${q}"`)
      }
      assert.notInclude(body, 'B ')
      assert.notInclude(body, 'bnorthwind')
    }
    // And B finds its own.
    assert.deepEqual(group(await search(client, b.token, 'northwind'), 'clients').map((hit) => hit.id), [b.northwind.clientId])
  })

  test('a member finds only the clients of their projects, and no deals', async ({ client, assert }) => {
    const a = await agencyWithCrm('Members', '')

    const globex = await search(client, a.member.token, 'globex')
    assert.deepEqual(group(globex, 'clients').map((hit) => hit.id), [a.globex.clientId])
    assert.lengthOf(group(globex, 'contacts'), 1)

    assert.deepEqual((await search(client, a.member.token, 'northwind')).groups, [])
    assert.deepEqual((await search(client, a.member.token, 'relaunch')).groups, [])

    // The won deal shares the project's title: the member finds the project only.
    const intranet = await search(client, a.member.token, 'intranet')
    assert.deepEqual(intranet.groups.map((g) => g.key), ['projects'])
  })

  test('a term shorter than 2 characters, or none, is a 422; LIKE wildcards are taken literally', async ({ client, assert }) => {
    const a = await agencyWithCrm('Input', '')
    for (const qs of [{ q: 'a' }, { q: '  a ' }, {}]) {
      const response = await client.get('/api/search').qs(qs).bearerToken(a.token)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'q')
    }
    assert.deepEqual((await search(client, a.token, '%%')).groups, [])
    assert.deepEqual((await search(client, a.token, '__')).groups, [])
  })
})
