import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { onDealWon, wonDealHandler } from '#crm/public/won_deals'
import { createAgency } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

const owner = () => db.connection('owner')

async function newDeal(client: ApiClient, token: string, body: Record<string, unknown>) {
  const response = await client.post('/api/deals').bearerToken(token).json({ title: 'Website', value: 2_500_000, ...body })
  response.assertStatus(201)
  return response.body().deal
}

function move(client: ApiClient, token: string, dealId: string, body: Record<string, unknown>) {
  return client.put(`/api/deals/${dealId}/stage`).bearerToken(token).json(body)
}

const projectsOf = (dealId: string) => owner().from('projects').where('source_deal_id', dealId)
const timelineOf = (dealId: string) => owner().from('client_activities').where('deal_id', dealId).orderBy('occurred_at')

test.group('Moving deals: won creates the project', () => {
  test('lead → proposal → won creates exactly one project with the deal\u2019s value as budget', async ({ client, assert }) => {
    const a = await createAgency('Win')
    const { clientId } = await createClient(a.agencyId, 'Acme')
    const deal = await newDeal(client, a.token, { clientId, description: 'Scope' })

    const proposal = await move(client, a.token, deal.id, { stage: 'proposal' })
    proposal.assertStatus(200)
    // The probability followed the stage (it was still Lead's default).
    assert.containsSubset(proposal.body(), { deal: { stage: 'proposal', probability: 40 }, projectId: null })

    const won = await move(client, a.token, deal.id, { stage: 'won' })
    won.assertStatus(200)
    const { projectId } = won.body()
    assert.match(projectId, /^[0-9a-f-]{36}$/)
    assert.containsSubset(won.body().deal, { stage: 'won', stageKind: 'won', probability: 100, projectId, client: { id: clientId } })
    assert.isString(won.body().deal.closedAt)

    const projects = await projectsOf(deal.id)
    assert.lengthOf(projects, 1)
    assert.containsSubset(projects[0], { id: projectId, client_id: clientId, budget_cents: 2_500_000, name: 'Website', description: 'Scope' })

    const kinds = (await timelineOf(deal.id)).map((entry) => entry.kind)
    assert.deepEqual(kinds, ['deal_created', 'deal_moved', 'deal_moved', 'project_created'])

    // Won again, by the stage's name, its kind or its id: the same project, nothing new.
    for (const stage of ['won', 'WON', won.body().deal.stageId]) {
      const again = await move(client, a.token, deal.id, { stage })
      again.assertStatus(200)
      assert.equal(again.body().projectId, projectId)
    }
    assert.lengthOf(await projectsOf(deal.id), 1)
    assert.lengthOf(await timelineOf(deal.id), 4)
    const audit = await owner().from('audit_logs').where({ entity_id: deal.id, action: 'moved' })
    assert.lengthOf(audit, 2)
  })

  test('two wins at the same moment still make one project', async ({ client, assert }) => {
    const a = await createAgency('Race')
    const deal = await newDeal(client, a.token, { client: { companyName: 'Racers' } })
    const [first, second] = await Promise.all([
      move(client, a.token, deal.id, { stage: 'won' }),
      move(client, a.token, deal.id, { stage: 'won' }),
    ])
    first.assertStatus(200)
    second.assertStatus(200)
    assert.equal(first.body().projectId, second.body().projectId)
    assert.lengthOf(await projectsOf(deal.id), 1)
    assert.lengthOf(await owner().from('clients').where('agency_id', a.agencyId), 1)
  })

  test('winning a prospect\u2019s deal creates the client and primary contact, and moves the deal\u2019s history onto it', async ({ client, assert }) => {
    const a = await createAgency('Prospect')
    const deal = await newDeal(client, a.token, {
      client: { companyName: 'Globex', contactName: 'Hank Scorpio', contactEmail: 'hank@globex.test' },
    })
    await move(client, a.token, deal.id, { stage: 'negotiation' })
    const before = await timelineOf(deal.id)
    assert.isTrue(before.every((entry) => entry.client_id === null))

    const won = await move(client, a.token, deal.id, { stage: 'won' })
    won.assertStatus(200)
    const clients = await owner().from('clients').where('agency_id', a.agencyId)
    assert.lengthOf(clients, 1)
    assert.equal(clients[0].company_name, 'Globex')
    const contacts = await owner().from('contacts').where('client_id', clients[0].id)
    assert.lengthOf(contacts, 1)
    assert.containsSubset(contacts[0], { name: 'Hank Scorpio', email: 'hank@globex.test', is_primary: true })

    assert.containsSubset(won.body().deal, { client: { id: clients[0].id, companyName: 'Globex' }, prospect: null })
    const [project] = await projectsOf(deal.id)
    assert.equal(project.client_id, clients[0].id)
    const after = await timelineOf(deal.id)
    assert.deepEqual(after.map((entry) => entry.kind), ['deal_created', 'deal_moved', 'deal_moved', 'project_created'])
    assert.isTrue(after.every((entry) => entry.client_id === clients[0].id))
  })

  test('a failure while creating the project leaves everything as it was', async ({ client, assert }) => {
    const a = await createAgency('Atomic')
    const deal = await newDeal(client, a.token, { client: { companyName: 'Fragile Inc', contactName: 'Fay' }, stage: 'Proposal' })
    const timelineBefore = await timelineOf(deal.id)
    const rowBefore = await owner().from('deals').where('id', deal.id).first()

    const original = wonDealHandler()
    onDealWon(async () => {
      throw new Error('boom')
    })
    try {
      const response = await move(client, a.token, deal.id, { stage: 'won' })
      assert.equal(response.status(), 500)
    } finally {
      onDealWon(original)
    }

    const row = await owner().from('deals').where('id', deal.id).first()
    assert.deepEqual(row, rowBefore)
    assert.lengthOf(await owner().from('clients').where('agency_id', a.agencyId), 0)
    assert.lengthOf(await owner().from('contacts').where('agency_id', a.agencyId), 0)
    assert.deepEqual(await timelineOf(deal.id), timelineBefore)
    assert.lengthOf(await projectsOf(deal.id), 0)
    assert.lengthOf(await owner().from('audit_logs').where({ entity_id: deal.id, action: 'moved' }), 0)

    // With projects working again, the same move succeeds.
    const retry = await move(client, a.token, deal.id, { stage: 'won' })
    retry.assertStatus(200)
    assert.lengthOf(await projectsOf(deal.id), 1)
  })
})

test.group('Moving deals: lost, reopening, leaving won', () => {
  test('lost needs a reason; without one the deal is unchanged', async ({ client, assert }) => {
    const a = await createAgency('Lost')
    const { clientId } = await createClient(a.agencyId)
    const deal = await newDeal(client, a.token, { clientId, stage: 'Proposal' })
    const rowBefore = await owner().from('deals').where('id', deal.id).first()

    for (const body of [{ stage: 'lost' }, { stage: 'Lost', lostReason: '   ' }, { stage: 'lost', lostReason: null }]) {
      const refused = await move(client, a.token, deal.id, body)
      refused.assertStatus(422)
      assert.equal(refused.body().errors[0].field, 'lostReason')
    }
    assert.deepEqual(await owner().from('deals').where('id', deal.id).first(), rowBefore)
    assert.lengthOf(await timelineOf(deal.id), 1)

    const lost = await move(client, a.token, deal.id, { stage: 'lost', lostReason: 'Went with a cheaper agency' })
    lost.assertStatus(200)
    assert.containsSubset(lost.body(), {
      deal: { stage: 'lost', stageKind: 'lost', probability: 0, weightedValue: 0, lostReason: 'Went with a cheaper agency' },
      projectId: null,
    })
    assert.isString(lost.body().deal.closedAt)
    const entries = await timelineOf(deal.id)
    assert.include(entries.at(-1).body, 'Went with a cheaper agency')

    // Reopening clears the loss; the probability starts again from the stage's default.
    const reopened = await move(client, a.token, deal.id, { stage: 'negotiation' })
    assert.containsSubset(reopened.body().deal, { stage: 'negotiation', probability: 70, lostReason: null, closedAt: null })
  })

  test('a probability typed by hand survives moves between open stages', async ({ client, assert }) => {
    const a = await createAgency('Custom')
    const { clientId } = await createClient(a.agencyId)
    const deal = await newDeal(client, a.token, { clientId, probability: 25 })
    const moved = await move(client, a.token, deal.id, { stage: 'proposal' })
    assert.equal(moved.body().deal.probability, 25)
  })

  test('a won deal cannot leave won (409); an unknown stage is a 422', async ({ client, assert }) => {
    const a = await createAgency('Stuck')
    const { clientId } = await createClient(a.agencyId)
    const deal = await newDeal(client, a.token, { clientId })
    await move(client, a.token, deal.id, { stage: 'won' })
    for (const stage of ['lead', 'lost']) {
      const refused = await move(client, a.token, deal.id, { stage, lostReason: 'Changed mind' })
      refused.assertStatus(409)
      assert.equal(refused.body().errors[0].message, '“Website” is won and has a project, so it stays in Won')
    }
    const row = await owner().from('deals').where('id', deal.id).first()
    assert.equal(row.probability, 100)
    assert.isNotNull(row.won_project_id)

    const unknown = await move(client, a.token, deal.id, { stage: 'Signed' })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'stage')
    ;(await move(client, a.token, deal.id, {})).assertStatus(422)
  })
})

test.group('Moving deals: positions', () => {
  test('cards land at the requested index and both columns stay dense', async ({ client, assert }) => {
    const a = await createAgency('Order')
    const { clientId } = await createClient(a.agencyId)
    const deals: { id: string; stageId: string }[] = []
    for (const title of ['d1', 'd2', 'd3', 'd4']) deals.push(await newDeal(client, a.token, { clientId, title }))
    const [d1, d2, d3, d4] = deals
    const column = async (stage: string) => {
      const rows = await owner()
        .from('deals')
        .join('deal_stages', 'deal_stages.id', 'deals.stage_id')
        .where('deals.agency_id', a.agencyId)
        .where('deal_stages.name', stage)
        .orderBy('deals.position')
        .select('deals.title', 'deals.position')
      return rows.map((row) => `${row.position}:${row.title}`)
    }
    assert.deepEqual(await column('Lead'), ['0:d1', '1:d2', '2:d3', '3:d4'])

    ;(await move(client, a.token, d4.id, { stage: 'lead', position: 0 })).assertStatus(200)
    assert.deepEqual(await column('Lead'), ['0:d4', '1:d1', '2:d2', '3:d3'])

    ;(await move(client, a.token, d4.id, { stage: d4.stageId, position: 2 })).assertStatus(200)
    assert.deepEqual(await column('Lead'), ['0:d1', '1:d2', '2:d4', '3:d3'])

    const moved = await move(client, a.token, d1.id, { stage: 'proposal', position: 0 })
    assert.equal(moved.body().deal.position, 0)
    assert.deepEqual(await column('Lead'), ['0:d2', '1:d4', '2:d3'])

    await move(client, a.token, d2.id, { stage: 'proposal', position: 0 })
    await move(client, a.token, d3.id, { stage: 'proposal', position: 99 })
    assert.deepEqual(await column('Proposal'), ['0:d2', '1:d1', '2:d3'])
    assert.deepEqual(await column('Lead'), ['0:d4'])

    await move(client, a.token, d4.id, { stage: 'proposal', position: 1 })
    assert.deepEqual(await column('Proposal'), ['0:d2', '1:d4', '2:d1', '3:d3'])
    assert.deepEqual(await column('Lead'), [])
    ;(await move(client, a.token, d4.id, { stage: 'proposal', position: -1 })).assertStatus(422)
  })
})
