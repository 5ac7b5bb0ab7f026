import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { approveTime, logTime, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')

/** A draft for the member's 2 h 20 min at 150.00/h (350.00), tax 20 %, generated through the API. */
async function draftInvoice(client: ApiClient, name: string) {
  const team = await timeTeam(name)
  await owner().from('agencies').where('id', team.agencyId).update({ tax_rate_basis_points: 2000 })
  const entry = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-16', seconds: 8400 })
  await approveTime([entry])
  const response = await client.post('/api/invoices').bearerToken(team.owner.token).json({ projectId: team.projectId, from: '2026-11-16', to: '2026-11-22' })
  response.assertStatus(201)
  return { ...team, invoice: response.body().invoice }
}

test.group('Draft lines API', () => {
  test('a manual line and a discount re-add the totals exactly; tax is recomputed', async ({ client, assert }) => {
    const team = await draftInvoice(client, 'Lines')
    assert.include(team.invoice, { subtotal: 35000, tax: 7000, total: 42000 })

    // 2.5 × 33.33 = 83.325 → 83.33 (half-up, once, on the line)
    const added = await client
      .post(`/api/invoices/${team.invoice.id}/lines`)
      .bearerToken(team.owner.token)
      .json({ description: 'Hosting setup', quantity: 2.5, unitPrice: 3333 })
    added.assertStatus(201)
    assert.include(added.body().line, { kind: 'manual', quantity: 2.5, unitAmount: 3333, amount: 8333 })
    // 350.00 + 83.33 = 433.33; tax 86.666 → 86.67
    assert.include(added.body().invoice, { subtotal: 43333, tax: 8667, total: 52000 })

    // A discount typed positive is stored negative.
    const discount = await client
      .post(`/api/invoices/${team.invoice.id}/lines`)
      .bearerToken(team.manager.token)
      .json({ kind: 'discount', description: 'Loyalty', unitPrice: 3333 })
    discount.assertStatus(201)
    assert.include(discount.body().line, { kind: 'discount', unitAmount: -3333, amount: -3333 })
    assert.include(discount.body().invoice, { subtotal: 40000, tax: 8000, total: 48000 })

    const changed = await client
      .patch(`/api/invoice-lines/${added.body().line.id}`)
      .bearerToken(team.owner.token)
      .json({ quantity: 1, unitPrice: 1001 })
    changed.assertStatus(200)
    assert.include(changed.body().line, { description: 'Hosting setup', amount: 1001 })
    // 350.00 + 10.01 − 33.33 = 326.68; tax 65.336 → 65.34
    assert.include(changed.body().invoice, { subtotal: 32668, tax: 6534, total: 39202 })
    const lines = changed.body().invoice.lines
    assert.equal(changed.body().invoice.subtotal, lines.reduce((sum: number, line: any) => sum + line.amount, 0))

    const removed = await client.delete(`/api/invoice-lines/${discount.body().line.id}`).bearerToken(team.owner.token)
    removed.assertStatus(200)
    assert.include(removed.body().invoice, { subtotal: 36001, tax: 7200, total: 43201 })

    // Stored as shown, audited, on the invoice's timeline.
    const row = await owner().from('invoices').where('id', team.invoice.id).first()
    assert.equal(Number(row.total_cents), 43201)
    const audit = await owner().from('audit_logs').where({ entity_id: team.invoice.id }).whereIn('action', ['line_added', 'line_updated', 'line_removed']).orderBy('created_at')
    assert.deepEqual(audit.map((entry) => entry.action).sort(), ['line_added', 'line_added', 'line_removed', 'line_updated'])
    const activity = await owner().from('invoice_activities').where('invoice_id', team.invoice.id).whereLike('kind', 'line_%')
    assert.lengthOf(activity, 4)
  })

  test('generated lines are not edited by hand; bad input is a 422 on the field; members are refused', async ({ client, assert }) => {
    const team = await draftInvoice(client, 'Lines rules')
    const timeLine = team.invoice.lines[0]
    ;(await client.patch(`/api/invoice-lines/${timeLine.id}`).bearerToken(team.owner.token).json({ unitPrice: 1 })).assertStatus(409)
    ;(await client.delete(`/api/invoice-lines/${timeLine.id}`).bearerToken(team.owner.token)).assertStatus(409)

    const noDescription = await client.post(`/api/invoices/${team.invoice.id}/lines`).bearerToken(team.owner.token).json({ unitPrice: 100 })
    noDescription.assertStatus(422)
    assert.equal(noDescription.body().errors[0].field, 'description')
    const fraction = await client.post(`/api/invoices/${team.invoice.id}/lines`).bearerToken(team.owner.token).json({ description: 'x', unitPrice: 10.5 })
    fraction.assertStatus(422)
    assert.equal(fraction.body().errors[0].field, 'unitPrice')
    const negative = await client.post(`/api/invoices/${team.invoice.id}/lines`).bearerToken(team.owner.token).json({ description: 'x', unitPrice: -100 })
    negative.assertStatus(422)
    assert.equal(negative.body().errors[0].field, 'unitPrice')
    const tooMuch = await client
      .post(`/api/invoices/${team.invoice.id}/lines`)
      .bearerToken(team.owner.token)
      .json({ kind: 'discount', description: 'Too generous', unitPrice: 35001 })
    tooMuch.assertStatus(422)
    assert.equal(tooMuch.body().errors[0].field, 'unitPrice')

    ;(await client.post(`/api/invoices/${team.invoice.id}/lines`).bearerToken(team.member.token).json({ description: 'x', unitPrice: 1 })).assertStatus(403)
    const row = await owner().from('invoices').where('id', team.invoice.id).first()
    assert.equal(Number(row.total_cents), 42000)
    assert.lengthOf(await owner().from('invoice_lines').where('invoice_id', team.invoice.id), 1)
  })

  test('only drafts change: a sent or void invoice answers 409 and keeps its lines', async ({ client, assert }) => {
    const team = await draftInvoice(client, 'Lines sent')
    const line = await client.post(`/api/invoices/${team.invoice.id}/lines`).bearerToken(team.owner.token).json({ description: 'Extra', unitPrice: 500 })
    line.assertStatus(201)
    await owner().from('invoices').where('id', team.invoice.id).update({ sent_at: new Date(), status: 'sent' })

    const add = await client.post(`/api/invoices/${team.invoice.id}/lines`).bearerToken(team.owner.token).json({ description: 'Late', unitPrice: 100 })
    add.assertStatus(409)
    assert.match(add.body().errors[0].message, /only draft invoices/)
    ;(await client.patch(`/api/invoice-lines/${line.body().line.id}`).bearerToken(team.owner.token).json({ unitPrice: 1 })).assertStatus(409)
    ;(await client.delete(`/api/invoice-lines/${line.body().line.id}`).bearerToken(team.owner.token)).assertStatus(409)
    const row = await owner().from('invoices').where('id', team.invoice.id).first()
    assert.equal(Number(row.subtotal_cents), 35500)
    assert.lengthOf(await owner().from('invoice_lines').where('invoice_id', team.invoice.id), 2)
  })

  test('another agency cannot see or change the lines (404)', async ({ client }) => {
    const team = await draftInvoice(client, 'Lines mine')
    const other = await timeTeam('Lines other')
    ;(await client.post(`/api/invoices/${team.invoice.id}/lines`).bearerToken(other.owner.token).json({ description: 'x', unitPrice: 1 })).assertStatus(404)
    ;(await client.delete(`/api/invoice-lines/${team.invoice.lines[0].id}`).bearerToken(other.owner.token)).assertStatus(404)
  })
})
