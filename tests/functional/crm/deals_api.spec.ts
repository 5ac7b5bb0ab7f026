import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createAgency, createUser } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

const owner = () => db.connection('owner')

const DEAL = { title: 'Website redesign', value: 2_500_000 }

test.group('Deals API: creating', () => {
  test('a deal for an existing client starts in the first open stage with its default probability', async ({ client, assert }) => {
    const a = await createAgency('Deals')
    const { clientId } = await createClient(a.agencyId, 'Acme Ltd')
    const response = await client
      .post('/api/deals')
      .bearerToken(a.token)
      .json({ ...DEAL, clientId, description: 'New site', expectedCloseDate: '2026-12-15' })
    response.assertStatus(201)
    const deal = response.body().deal
    assert.containsSubset(deal, {
      title: 'Website redesign',
      description: 'New site',
      stage: 'lead',
      stageKind: 'open',
      value: 2_500_000,
      currency: 'USD',
      probability: 10,
      weightedValue: 250_000,
      expectedCloseDate: '2026-12-15',
      owner: { id: a.userId, name: 'Olivia Owner' },
      client: { id: clientId, companyName: 'Acme Ltd' },
      prospect: null,
      lostReason: null,
      closedAt: null,
      projectId: null,
      position: 0,
    })
    assert.match(deal.id, /^[0-9a-f-]{36}$/)

    const timeline = await owner().from('client_activities').where('deal_id', deal.id)
    assert.lengthOf(timeline, 1)
    assert.equal(timeline[0].kind, 'deal_created')
    assert.equal(timeline[0].client_id, clientId)
    const audit = await owner().from('audit_logs').where({ entity_id: deal.id, action: 'created' })
    assert.lengthOf(audit, 1)

    const second = await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, clientId, probability: 55, stage: 'PROPOSAL' })
    assert.containsSubset(second.body().deal, { stage: 'proposal', probability: 55, position: 0 })
    const third = await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, clientId })
    assert.equal(third.body().deal.position, 1)
  })

  test('a new client typed inline stays a prospect on the deal: no client row yet', async ({ client, assert }) => {
    const a = await createAgency('Prospects')
    const response = await client
      .post('/api/deals')
      .bearerToken(a.token)
      .json({ ...DEAL, client: { companyName: 'Globex', contactName: 'Hank Scorpio', contactEmail: 'Hank@Globex.test' } })
    response.assertStatus(201)
    const deal = response.body().deal
    assert.isNull(deal.client)
    assert.deepEqual(deal.prospect, { companyName: 'Globex', contactName: 'Hank Scorpio', contactEmail: 'hank@globex.test' })
    const clients = await owner().from('clients').where('agency_id', a.agencyId)
    assert.lengthOf(clients, 0)
    const timeline = await owner().from('client_activities').where('deal_id', deal.id)
    assert.lengthOf(timeline, 1)
    assert.isNull(timeline[0].client_id)
  })

  test('bad input is a 422 on the right field and creates nothing', async ({ client, assert }) => {
    const a = await createAgency('Strict')
    const { clientId } = await createClient(a.agencyId)
    const cases: [Record<string, unknown>, string][] = [
      [{ ...DEAL, clientId, value: -1 }, 'value'],
      [{ ...DEAL, clientId, value: 10.5 }, 'value'],
      [{ ...DEAL, clientId, value: 'lots' }, 'value'],
      [{ ...DEAL, clientId, probability: -1 }, 'probability'],
      [{ ...DEAL, clientId, probability: 101 }, 'probability'],
      [{ value: 100, clientId }, 'title'],
      [{ ...DEAL, clientId, title: '   ' }, 'title'],
      [{ ...DEAL, clientId, title: 'x'.repeat(161) }, 'title'],
      [{ ...DEAL, clientId, client: { companyName: 'Both' } }, 'clientId'],
      [{ ...DEAL }, 'clientId'],
      [{ ...DEAL, client: { companyName: '' } }, 'client.companyName'],
      [{ ...DEAL, client: { companyName: 'X', contactEmail: 'not-an-email' } }, 'client.contactEmail'],
      [{ ...DEAL, clientId: 'not-a-uuid' }, 'clientId'],
      [{ ...DEAL, clientId, expectedCloseDate: '31/12/2026' }, 'expectedCloseDate'],
      [{ ...DEAL, clientId, expectedCloseDate: '2026-02-30' }, 'expectedCloseDate'],
      [{ ...DEAL, clientId, expectedCloseDate: '2026-13-01' }, 'expectedCloseDate'],
      [{ ...DEAL, clientId, stage: 'Nowhere' }, 'stage'],
      [{ ...DEAL, clientId, stage: 'won' }, 'stage'],
      [{ ...DEAL, clientId, ownerId: 'ffffffff-ffff-4fff-bfff-ffffffffffff' }, 'ownerId'],
    ]
    for (const [body, field] of cases) {
      const response = await client.post('/api/deals').bearerToken(a.token).json(body)
      assert.equal(response.status(), 422, JSON.stringify(body).slice(0, 80))
      assert.include(
        response.body().errors.map((error: { field: string }) => error.field),
        field,
        JSON.stringify(body).slice(0, 80)
      )
    }

    const malformed = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/deals`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: '{"title": "Broken", "value": ',
    })
    assert.isAtLeast(malformed.status, 400)
    assert.isBelow(malformed.status, 500)

    const deals = await owner().from('deals').where('agency_id', a.agencyId)
    assert.lengthOf(deals, 0)
  })

  test('an owner must be active staff of the agency', async ({ client, assert }) => {
    const a = await createAgency('Owners')
    const b = await createAgency('Others')
    const manager = await createUser(a.agencyId, 'manager')
    const { clientId } = await createClient(a.agencyId)
    const foreign = await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, clientId, ownerId: b.userId })
    foreign.assertStatus(422)
    assert.equal(foreign.body().errors[0].field, 'ownerId')
    const ok = await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, clientId, ownerId: manager.userId })
    assert.deepEqual(ok.body().deal.owner, { id: manager.userId, name: 'manager person' })
    const none = await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, clientId, ownerId: null })
    assert.isNull(none.body().deal.owner)
  })
})

test.group('Deals API: reading, editing, deleting', () => {
  test('the list filters, sorts and pages, with the total', async ({ client, assert }) => {
    const a = await createAgency('List')
    const acme = await createClient(a.agencyId, 'Acme')
    const globex = await createClient(a.agencyId, 'Globex')
    const manager = await createUser(a.agencyId, 'manager')
    const create = async (body: Record<string, unknown>) =>
      (await client.post('/api/deals').bearerToken(a.token).json({ title: 'Deal', value: 100, ...body })).body().deal
    const small = await create({ title: 'Small', value: 1_000, clientId: acme.clientId, expectedCloseDate: '2026-01-10' })
    const big = await create({ title: 'Big', value: 9_000, clientId: acme.clientId, expectedCloseDate: '2026-03-10', ownerId: manager.userId })
    const middle = await create({ title: 'Middle', value: 5_000, clientId: globex.clientId, stage: 'Proposal' })
    const lost = await create({ title: 'Gone', value: 7_000, clientId: globex.clientId, expectedCloseDate: '2026-02-01' })
    ;(await client.put(`/api/deals/${lost.id}/stage`).bearerToken(a.token).json({ stage: 'lost', lostReason: 'Budget cut' })).assertStatus(200)

    const list = async (query: string) => (await client.get(`/api/deals?${query}`).bearerToken(a.token)).body()
    const titles = async (query: string) => (await list(query)).deals.map((deal: { title: string }) => deal.title)

    assert.deepEqual(await titles('sort=value&direction=desc'), ['Big', 'Gone', 'Middle', 'Small'])
    assert.deepEqual(await titles('status=open&sort=title'), ['Big', 'Middle', 'Small'])
    assert.deepEqual(await titles('status=lost'), ['Gone'])
    assert.deepEqual(await titles(`stageId=${middle.stageId}`), ['Middle'])
    assert.deepEqual(await titles(`clientId=${acme.clientId}&sort=value`), ['Small', 'Big'])
    assert.deepEqual(await titles(`ownerId=${manager.userId}`), ['Big'])
    assert.deepEqual(await titles('closeFrom=2026-01-31&closeTo=2026-03-10&sort=expectedCloseDate'), ['Gone', 'Big'])
    // Deals without a close date come last either way.
    assert.deepEqual(await titles('sort=expectedCloseDate&direction=desc'), ['Big', 'Gone', 'Small', 'Middle'])

    const page = await list('perPage=3&page=2&sort=title')
    assert.containsSubset(page, { total: 4, page: 2, perPage: 3 })
    assert.deepEqual(page.deals.map((deal: { id: string }) => deal.id), [small.id])
    assert.lengthOf(big.id, 36)

    ;(await client.get('/api/deals?status=closed').bearerToken(a.token)).assertStatus(422)
    ;(await client.get('/api/deals?perPage=1000').bearerToken(a.token)).assertStatus(422)
  })

  test('PATCH edits the details and audits the change', async ({ client, assert }) => {
    const a = await createAgency('Edit')
    const { clientId } = await createClient(a.agencyId)
    const deal = (await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, clientId, expectedCloseDate: '2026-05-01' })).body().deal
    const response = await client
      .patch(`/api/deals/${deal.id}`)
      .bearerToken(a.token)
      .json({ title: 'Website and app', value: 3_000_000, probability: 35, expectedCloseDate: null })
    response.assertStatus(200)
    assert.containsSubset(response.body().deal, { title: 'Website and app', value: 3_000_000, probability: 35, weightedValue: 1_050_000, expectedCloseDate: null, stage: 'lead' })
    const audit = await owner().from('audit_logs').where({ entity_id: deal.id, action: 'updated' }).first()
    assert.equal(audit.before.title, 'Website redesign')
    assert.equal(audit.after.valueCents, 3_000_000)

    const prospect = await client.patch(`/api/deals/${deal.id}`).bearerToken(a.token).json({ client: { companyName: 'Initech' } })
    assert.containsSubset(prospect.body().deal, { client: null, prospect: { companyName: 'Initech' } })
    ;(await client.patch(`/api/deals/${deal.id}`).bearerToken(a.token).json({ value: -5 })).assertStatus(422)
    ;(await client.patch(`/api/deals/${deal.id}`).bearerToken(a.token).json({ title: '' })).assertStatus(422)
  })

  test('only open deals can be deleted; a won deal stays (409)', async ({ client, assert }) => {
    const a = await createAgency('Delete')
    const created = await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, client: { companyName: 'Soon gone' } })
    const deal = created.body().deal
    ;(await client.delete(`/api/deals/${deal.id}`).bearerToken(a.token)).assertStatus(204)
    assert.isNull(await owner().from('deals').where('id', deal.id).first())
    assert.lengthOf(await owner().from('client_activities').where('deal_id', deal.id), 0)

    const { clientId } = await createClient(a.agencyId)
    const won = (await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, clientId })).body().deal
    ;(await client.put(`/api/deals/${won.id}/stage`).bearerToken(a.token).json({ stage: 'won' })).assertStatus(200)
    const refused = await client.delete(`/api/deals/${won.id}`).bearerToken(a.token)
    refused.assertStatus(409)
    assert.match(refused.body().errors[0].message, /only open deals can be deleted/)
  })
})

test.group('Deals API: other agencies and roles', () => {
  test('another agency\u2019s client or deal is a 404, and nothing is created', async ({ client, assert }) => {
    const a = await createAgency('Mine')
    const b = await createAgency('Theirs')
    const theirs = await createClient(b.agencyId, 'Their client')
    const attempt = await client.post('/api/deals').bearerToken(a.token).json({ ...DEAL, clientId: theirs.clientId })
    attempt.assertStatus(404)
    assert.lengthOf(await owner().from('deals').where('agency_id', a.agencyId), 0)

    const theirDeal = (await client.post('/api/deals').bearerToken(b.token).json({ ...DEAL, clientId: theirs.clientId })).body().deal
    ;(await client.get(`/api/deals/${theirDeal.id}`).bearerToken(a.token)).assertStatus(404)
    ;(await client.patch(`/api/deals/${theirDeal.id}`).bearerToken(a.token).json({ title: 'Mine now' })).assertStatus(404)
    ;(await client.put(`/api/deals/${theirDeal.id}/stage`).bearerToken(a.token).json({ stage: 'won' })).assertStatus(404)
    ;(await client.put(`/api/deals/${theirDeal.id}/stage`).bearerToken(a.token).json({ stage: theirDeal.stageId })).assertStatus(422)
    ;(await client.delete(`/api/deals/${theirDeal.id}`).bearerToken(a.token)).assertStatus(404)
    ;(await client.get('/api/deals/not-a-uuid').bearerToken(a.token)).assertStatus(404)

    const untouched = await owner().from('deals').where('id', theirDeal.id).first()
    assert.equal(untouched.title, 'Website redesign')
    assert.isNull(untouched.won_project_id)
    const mine = (await client.get('/api/deals').bearerToken(a.token)).body()
    assert.equal(mine.total, 0)
  })

  test('members get a 403 with a clear message on every deal and stage endpoint; managers get through', async ({ client, assert }) => {
    const a = await createAgency('Roles')
    const member = await createUser(a.agencyId, 'member')
    const manager = await createUser(a.agencyId, 'manager')
    const { clientId } = await createClient(a.agencyId)
    const deal = (await client.post('/api/deals').bearerToken(manager.token).json({ ...DEAL, clientId })).body().deal
    assert.exists(deal?.id)

    const create = await client.post('/api/deals').bearerToken(member.token).json({ ...DEAL, clientId })
    create.assertStatus(403)
    assert.equal(create.body().errors[0].message, 'Only owners and managers can change clients and deals')
    const board = await client.get('/api/deals/board').bearerToken(member.token)
    board.assertStatus(403)
    assert.equal(board.body().errors[0].message, 'Only owners and managers can see the deal pipeline')

    const stageId = deal.stageId
    const requests = [
      client.get('/api/deals').bearerToken(member.token),
      client.get(`/api/deals/${deal.id}`).bearerToken(member.token),
      client.patch(`/api/deals/${deal.id}`).bearerToken(member.token).json({ title: 'x' }),
      client.put(`/api/deals/${deal.id}/stage`).bearerToken(member.token).json({ stage: 'won' }),
      client.delete(`/api/deals/${deal.id}`).bearerToken(member.token),
      client.get('/api/deals/forecast').bearerToken(member.token),
      client.get('/api/deal-stages').bearerToken(member.token),
      client.post('/api/deal-stages').bearerToken(member.token).json({ name: 'Pitch', defaultProbability: 20 }),
      client.patch(`/api/deal-stages/${stageId}`).bearerToken(member.token).json({ name: 'Start' }),
      client.put('/api/deal-stages/order').bearerToken(member.token).json({ stageIds: [stageId] }),
      client.delete(`/api/deal-stages/${stageId}`).bearerToken(member.token),
    ]
    for (const [index, response] of (await Promise.all(requests)).entries()) assert.equal(response.status(), 403, `request #${index}`)

    const row = await owner().from('deals').where('id', deal.id).first()
    assert.equal(row.title, 'Website redesign')
    ;(await client.get('/api/deals/board').bearerToken(manager.token)).assertStatus(200)
  })
})
