import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { createAgency } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

async function stages(client: ApiClient, token: string) {
  const response = await client.get('/api/deal-stages').bearerToken(token)
  response.assertStatus(200)
  return response.body().stages as { id: string; name: string; key: string; kind: string; position: number; defaultProbability: number }[]
}

const names = async (client: ApiClient, token: string) => (await stages(client, token)).map((stage) => stage.name)
const byName = async (client: ApiClient, token: string, name: string) => (await stages(client, token)).find((stage) => stage.name === name)!

test.group('Deal stages API', () => {
  test('every agency starts with the default pipeline', async ({ client, assert }) => {
    const a = await createAgency('Defaults')
    const list = await stages(client, a.token)
    assert.deepEqual(
      list.map(({ key, kind, position, defaultProbability }) => ({ key, kind, position, defaultProbability })),
      [
        { key: 'lead', kind: 'open', position: 1, defaultProbability: 10 },
        { key: 'proposal', kind: 'open', position: 2, defaultProbability: 40 },
        { key: 'negotiation', kind: 'open', position: 3, defaultProbability: 70 },
        { key: 'won', kind: 'won', position: 4, defaultProbability: 100 },
        { key: 'lost', kind: 'lost', position: 5, defaultProbability: 0 },
      ]
    )
  })

  test('a new stage joins the open stages, before won and lost; names are unique whatever their case', async ({ client, assert }) => {
    const a = await createAgency('Create')
    const created = await client.post('/api/deal-stages').bearerToken(a.token).json({ name: 'Discovery', defaultProbability: 20 })
    created.assertStatus(201)
    assert.containsSubset(created.body().stage, { name: 'Discovery', key: 'discovery', kind: 'open', position: 4, defaultProbability: 20 })
    assert.deepEqual(await names(client, a.token), ['Lead', 'Proposal', 'Negotiation', 'Discovery', 'Won', 'Lost'])

    for (const [body, field] of [
      [{ name: 'DISCOVERY', defaultProbability: 20 }, 'name'],
      [{ name: ' lead ', defaultProbability: 20 }, 'name'],
      [{ name: 'won', defaultProbability: 20 }, 'name'],
      [{ name: 'Lost', defaultProbability: 20 }, 'name'],
      [{ name: '', defaultProbability: 20 }, 'name'],
      [{ name: 'x'.repeat(41), defaultProbability: 20 }, 'name'],
      [{ name: 'Pitch', defaultProbability: 101 }, 'defaultProbability'],
      [{ name: 'Pitch', defaultProbability: -1 }, 'defaultProbability'],
      [{ name: 'Pitch' }, 'defaultProbability'],
    ] as const) {
      const response = await client.post('/api/deal-stages').bearerToken(a.token).json(body)
      assert.equal(response.status(), 422, JSON.stringify(body))
      assert.equal(response.body().errors[0].field, field, JSON.stringify(body))
    }
    assert.lengthOf(await stages(client, a.token), 6)
  })

  test('stages are renamed and re-weighted; won and lost keep their kind, their figure and their place', async ({ client, assert }) => {
    const a = await createAgency('Rename')
    const lead = await byName(client, a.token, 'Lead')
    const won = await byName(client, a.token, 'Won')
    const lost = await byName(client, a.token, 'Lost')

    const renamed = await client.patch(`/api/deal-stages/${lead.id}`).bearerToken(a.token).json({ name: 'Inbound', defaultProbability: 15 })
    renamed.assertStatus(200)
    assert.containsSubset(renamed.body().stage, { name: 'Inbound', key: 'inbound', defaultProbability: 15 })
    const signed = await client.patch(`/api/deal-stages/${won.id}`).bearerToken(a.token).json({ name: 'Signed' })
    assert.containsSubset(signed.body().stage, { name: 'Signed', kind: 'won' })
    // Case-only renames are fine; taking another stage's name is not.
    ;(await client.patch(`/api/deal-stages/${lead.id}`).bearerToken(a.token).json({ name: 'INBOUND' })).assertStatus(200)
    const taken = await client.patch(`/api/deal-stages/${lead.id}`).bearerToken(a.token).json({ name: 'proposal' })
    taken.assertStatus(422)
    assert.equal(taken.body().errors[0].field, 'name')

    const kind = await client.patch(`/api/deal-stages/${won.id}`).bearerToken(a.token).json({ kind: 'open' })
    kind.assertStatus(409)
    assert.match(kind.body().errors[0].message, /kind of a stage is fixed/)
    ;(await client.patch(`/api/deal-stages/${lead.id}`).bearerToken(a.token).json({ kind: 'won' })).assertStatus(409)
    const figure = await client.patch(`/api/deal-stages/${lost.id}`).bearerToken(a.token).json({ defaultProbability: 20 })
    figure.assertStatus(422)
    assert.equal(figure.body().errors[0].field, 'defaultProbability')

    for (const terminal of [won, lost]) {
      const refused = await client.delete(`/api/deal-stages/${terminal.id}`).bearerToken(a.token)
      refused.assertStatus(409)
      assert.match(refused.body().errors[0].message, /can be renamed, not deleted/)
    }
    assert.deepEqual(await names(client, a.token), ['INBOUND', 'Proposal', 'Negotiation', 'Signed', 'Lost'])

    // The API still reaches the renamed won stage by its kind.
    const { clientId } = await createClient(a.agencyId)
    const deal = (await client.post('/api/deals').bearerToken(a.token).json({ title: 'T', value: 1, clientId })).body().deal
    const moved = await client.put(`/api/deals/${deal.id}/stage`).bearerToken(a.token).json({ stage: 'won' })
    assert.containsSubset(moved.body().deal, { stage: 'signed', stageKind: 'won' })
  })

  test('open stages are reordered; won and lost always stay last', async ({ client, assert }) => {
    const a = await createAgency('Reorder')
    const list = await stages(client, a.token)
    const id = (name: string) => list.find((stage) => stage.name === name)!.id

    const response = await client
      .put('/api/deal-stages/order')
      .bearerToken(a.token)
      .json({ stageIds: [id('Won'), id('Negotiation'), id('Lead'), id('Proposal')] })
    response.assertStatus(200)
    assert.deepEqual(response.body().stages.map((stage: { name: string }) => stage.name), ['Negotiation', 'Lead', 'Proposal', 'Won', 'Lost'])
    assert.deepEqual((await stages(client, a.token)).map((stage) => stage.position), [1, 2, 3, 4, 5])

    for (const stageIds of [[id('Lead'), id('Proposal')], [id('Lead'), id('Proposal'), id('Negotiation'), 'ffffffff-ffff-4fff-bfff-ffffffffffff'], []]) {
      const refused = await client.put('/api/deal-stages/order').bearerToken(a.token).json({ stageIds })
      refused.assertStatus(422)
      assert.equal(refused.body().errors[0].field, 'stageIds')
    }
    assert.deepEqual(await names(client, a.token), ['Negotiation', 'Lead', 'Proposal', 'Won', 'Lost'])
  })

  test('a stage that holds deals cannot be deleted (409); an empty one can, but never the last open stage', async ({ client, assert }) => {
    const a = await createAgency('Delete')
    const { clientId } = await createClient(a.agencyId)
    await client.post('/api/deals').bearerToken(a.token).json({ title: 'Busy', value: 1, clientId, stage: 'Proposal' })
    const proposal = await byName(client, a.token, 'Proposal')
    const refused = await client.delete(`/api/deal-stages/${proposal.id}`).bearerToken(a.token)
    refused.assertStatus(409)
    assert.equal(refused.body().errors[0].message, '“Proposal” still holds 1 deal: move or delete them first')

    ;(await client.delete(`/api/deal-stages/${(await byName(client, a.token, 'Lead')).id}`).bearerToken(a.token)).assertStatus(204)
    ;(await client.delete(`/api/deal-stages/${(await byName(client, a.token, 'Negotiation')).id}`).bearerToken(a.token)).assertStatus(204)
    const list = await stages(client, a.token)
    assert.deepEqual(list.map((stage) => [stage.name, stage.position]), [['Proposal', 1], ['Won', 2], ['Lost', 3]])

    const deal = await db.connection('owner').from('deals').where('agency_id', a.agencyId).first()
    await client.put(`/api/deals/${deal.id}/stage`).bearerToken(a.token).json({ stage: 'lost', lostReason: 'Gone quiet' })
    const last = await client.delete(`/api/deal-stages/${proposal.id}`).bearerToken(a.token)
    last.assertStatus(409)
    assert.equal(last.body().errors[0].message, 'The pipeline needs at least one open stage')

    const b = await createAgency('Other')
    ;(await client.delete(`/api/deal-stages/${proposal.id}`).bearerToken(b.token)).assertStatus(404)
    ;(await client.patch(`/api/deal-stages/${proposal.id}`).bearerToken(b.token).json({ name: 'Mine' })).assertStatus(404)
  })

  test('stage changes are audited', async ({ client, assert }) => {
    const a = await createAgency('Audit')
    const created = (await client.post('/api/deal-stages').bearerToken(a.token).json({ name: 'Pitch', defaultProbability: 30 })).body().stage
    await client.patch(`/api/deal-stages/${created.id}`).bearerToken(a.token).json({ name: 'Pitching' })
    await client.delete(`/api/deal-stages/${created.id}`).bearerToken(a.token)
    const actions = await db.connection('owner').from('audit_logs').where({ entity_id: created.id }).orderBy('created_at').select('action')
    assert.deepEqual(actions.map((row) => row.action), ['created', 'updated', 'deleted'])
  })
})
