import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { createAgency } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

/**
 * Hand-computed fixture (minor units). Products are value × probability:
 *   Lead      d1 1005 @ 25 %, closes 2026-11-01      25 125
 *             d3  999 @ 50 %, closes 2026-12-31      49 950
 *   Proposal  d2 1005 @ 25 %, closes 2026-11-30      25 125
 *             d4 10001 @ 33 %, no date              330 033
 *   Won       d5 50000, closes 2026-11-15 (excluded from the weighted pipeline)
 *   Lost      d6 70000, closes 2026-12-01 (excluded)
 * November: 2 deals, 2010, (25 125 + 25 125) / 100 = 502.5 → 503 (each alone rounds to 251: 502).
 * December: 1 deal, 999, 499.5 → 500.   No date: 1 deal, 10001, 3300.33 → 3300.
 * Total: 4 deals, 13010, 430 233 / 100 = 4302.33 → 4302.
 * Lead column: 75 075 → 751. Proposal column: 355 158 → 3552 (whole pipeline: 4302).
 */
async function fixture(client: ApiClient) {
  const a = await createAgency('Forecast')
  const { clientId } = await createClient(a.agencyId)
  const create = async (body: Record<string, unknown>) => {
    const response = await client.post('/api/deals').bearerToken(a.token).json({ clientId, ...body })
    response.assertStatus(201)
    return response.body().deal
  }
  await create({ title: 'd1', value: 1005, probability: 25, expectedCloseDate: '2026-11-01' })
  await create({ title: 'd2', value: 1005, probability: 25, expectedCloseDate: '2026-11-30', stage: 'Proposal' })
  await create({ title: 'd3', value: 999, probability: 50, expectedCloseDate: '2026-12-31' })
  await create({ title: 'd4', value: 10001, probability: 33, stage: 'Proposal' })
  const d5 = await create({ title: 'd5', value: 50000, probability: 90, expectedCloseDate: '2026-11-15' })
  const d6 = await create({ title: 'd6', value: 70000, probability: 60, expectedCloseDate: '2026-12-01' })
  ;(await client.put(`/api/deals/${d5.id}/stage`).bearerToken(a.token).json({ stage: 'won' })).assertStatus(200)
  ;(await client.put(`/api/deals/${d6.id}/stage`).bearerToken(a.token).json({ stage: 'lost', lostReason: 'No budget' })).assertStatus(200)
  return a
}

test.group('Weighted pipeline and forecast', () => {
  test('the monthly forecast weights open deals once per month, with a no-date bucket', async ({ client, assert }) => {
    const a = await fixture(client)
    const response = await client.get('/api/deals/forecast').bearerToken(a.token)
    response.assertStatus(200)
    assert.deepEqual(response.body(), {
      months: [
        { month: '2026-11', count: 2, value: 2010, weightedValue: 503 },
        { month: '2026-12', count: 1, value: 999, weightedValue: 500 },
      ],
      noDate: { count: 1, value: 10001, weightedValue: 3300 },
      total: { count: 4, value: 13010, weightedValue: 4302 },
    })
  })

  test('stage totals: count, value and weighted value for open stages; won and lost not weighted', async ({ client, assert }) => {
    const a = await fixture(client)
    const response = await client.get('/api/deal-stages').bearerToken(a.token)
    response.assertStatus(200)
    const totals = response.body().stages.map((stage: any) => [stage.key, stage.totals])
    assert.deepEqual(totals, [
      ['lead', { count: 2, value: 2004, weightedValue: 751 }],
      ['proposal', { count: 2, value: 11006, weightedValue: 3552 }],
      ['negotiation', { count: 0, value: 0, weightedValue: 0 }],
      ['won', { count: 1, value: 50000, weightedValue: null }],
      ['lost', { count: 1, value: 70000, weightedValue: null }],
    ])
    assert.deepEqual(response.body().pipeline, { count: 4, value: 13010, weightedValue: 4302 })

    const board = (await client.get('/api/deals/board').bearerToken(a.token)).body()
    assert.deepEqual(board.pipeline, { count: 4, value: 13010, weightedValue: 4302 })
    assert.deepEqual(
      board.columns.map((column: any) => [column.key, column.deals.map((deal: any) => deal.title)]),
      [
        ['lead', ['d1', 'd3']],
        ['proposal', ['d2', 'd4']],
        ['negotiation', []],
        ['won', ['d5']],
        ['lost', ['d6']],
      ]
    )
    assert.deepEqual(board.columns[1].deals.map((deal: any) => deal.weightedValue), [251, 3300])
  })

  test('an empty pipeline forecasts zero', async ({ client, assert }) => {
    const a = await createAgency('Empty')
    const response = await client.get('/api/deals/forecast').bearerToken(a.token)
    assert.deepEqual(response.body(), {
      months: [],
      noDate: { count: 0, value: 0, weightedValue: 0 },
      total: { count: 0, value: 0, weightedValue: 0 },
    })
  })
})
