import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import ProjectMember from '#projects/models/project_member'
import { createUser } from '#tests/helpers/factories'
import { addProject, approveTime, logTime, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')

/**
 * A week (16–20 Nov 2026) of three people's time on one project, each at
 * their own frozen rate, one non-billable hour, and a 15 % marked-up expense.
 * Rates: manager 200.00/h (override), member 125.00/h (override), the third
 * person the project's 150.00/h. Tax 20 %.
 */
async function billableWeek(name: string) {
  const team = await timeTeam(name)
  const third = await createUser(team.agencyId, 'member')
  await withTenant(team.agencyId, async () => {
    await ProjectMember.query().where('projectId', team.projectId).where('userId', team.manager.userId).update({ billableRateCents: 20000 })
    await ProjectMember.query().where('projectId', team.projectId).where('userId', team.member.userId).update({ billableRateCents: 12500 })
    await ProjectMember.create({ projectId: team.projectId, userId: third.userId, role: 'member' })
  })
  await owner().from('agencies').where('id', team.agencyId).update({ tax_rate_basis_points: 2000 })
  const p = team.projectId
  const ids = [
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: p, date: '2026-11-16', seconds: 9000 }),
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: p, date: '2026-11-17', seconds: 4500 }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: p, date: '2026-11-18', seconds: 10800 }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: p, date: '2026-11-19', seconds: 1200 }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: p, date: '2026-11-19', seconds: 3600, billable: false }),
    await logTime(team.agencyId, third.userId, 'member', { projectId: p, date: '2026-11-20', seconds: 4020 }),
  ]
  await approveTime(ids)
  await owner().table('expenses').insert({
    agency_id: team.agencyId,
    project_id: p,
    user_id: team.member.userId,
    spent_on: '2026-11-18',
    amount_cents: 12345,
    currency: 'USD',
    category: 'Stock photos',
    description: 'Hero images',
    billable: true,
    markup_basis_points: 1500,
    status: 'approved',
  })
  return { ...team, third, entryIds: ids }
}

const invoiceBody = (projectId: string) => ({ projectId, from: '2026-11-16', to: '2026-11-22', groupBy: 'member' })

test.group('Invoices from time, milestones and expenses', () => {
  test('a week of three people at different rates: totals exact to the cent against the hand-computed fixture', async ({ client, assert }) => {
    const team = await billableWeek('Fixture')
    const response = await client.post('/api/invoices').bearerToken(team.owner.token).json(invoiceBody(team.projectId))
    response.assertStatus(201)
    const invoice = response.body().invoice
    // manager 13,500 s × 200.00 = 750.00; member 12,000 s × 125.00 = 416.666… → 416.67;
    // third 4,020 s × 150.00 = 167.50; expense 123.45 + 15 % = 141.9675 → 141.97.
    assert.deepEqual(
      invoice.lines.map((line: any) => [line.kind, line.quantitySeconds, line.unitAmount, line.amount]).sort((a: any, b: any) => b[3] - a[3]),
      [
        ['time', 13500, 20000, 75000],
        ['time', 12000, 12500, 41667],
        ['time', 4020, 15000, 16750],
        ['expense', null, 14197, 14197],
      ]
    )
    assert.include(invoice, { number: 'INV-0001', subtotal: 147614, taxRate: 20, tax: 29523, total: 177137, currency: 'USD', status: 'draft' })
    assert.equal(invoice.total, invoice.lines.reduce((sum: number, line: any) => sum + line.amount, 0) + invoice.tax)

    // Billed exactly once: the billable entries carry the invoice, the non-billable one does not.
    const rows = await owner().from('time_entries').whereIn('id', team.entryIds).select('invoice_id', 'billable')
    assert.equal(rows.filter((row) => row.invoice_id === invoice.id).length, 5)
    assert.isNull(rows.find((row) => !row.billable).invoice_id)
    const again = await client.post('/api/invoices').bearerToken(team.owner.token).json(invoiceBody(team.projectId))
    again.assertStatus(422)
    assert.equal(again.body().errors[0].rule, 'empty')
  })

  test('the preview shows the same lines and writes nothing', async ({ client, assert }) => {
    const team = await billableWeek('Preview')
    const preview = await client.post('/api/invoices/preview').bearerToken(team.owner.token).json(invoiceBody(team.projectId))
    preview.assertStatus(200)
    assert.equal(preview.body().preview.total, 177137)
    const count = await owner().from('invoices').where('agency_id', team.agencyId).count('* as total').first()
    assert.equal(Number(count.total), 0)
    const billed = await owner().from('time_entries').whereIn('id', team.entryIds).whereNotNull('invoice_id').count('* as total').first()
    assert.equal(Number(billed.total), 0)
  })

  test('two concurrent requests for the same time make one invoice; the other is refused', async ({ client, assert }) => {
    const team = await billableWeek('Race')
    const responses = await Promise.all(
      [0, 1].map(() => client.post('/api/invoices').bearerToken(team.owner.token).json(invoiceBody(team.projectId)))
    )
    const statuses = responses.map((response) => response.status()).sort()
    assert.equal(statuses[0], 201)
    assert.oneOf(statuses[1], [409, 422])
    const invoices = await owner().from('invoices').where('agency_id', team.agencyId)
    assert.lengthOf(invoices, 1)
    assert.equal(Number(invoices[0].total_cents), 177137)
  })

  test('voiding releases the time and the expense: they bill again, under the next number', async ({ client, assert }) => {
    const team = await billableWeek('Void')
    const first = (await client.post('/api/invoices').bearerToken(team.owner.token).json(invoiceBody(team.projectId))).body().invoice
    const voided = await client.post(`/api/invoices/${first.id}/void`).bearerToken(team.owner.token).json({ reason: 'Wrong period' })
    voided.assertStatus(200)
    assert.equal(voided.body().invoice.status, 'void')
    const unbilled = await owner().from('time_entries').whereIn('id', team.entryIds).whereNotNull('invoice_id').count('* as total').first()
    assert.equal(Number(unbilled.total), 0)

    const second = await client.post('/api/invoices').bearerToken(team.owner.token).json(invoiceBody(team.projectId))
    second.assertStatus(201)
    assert.include(second.body().invoice, { number: 'INV-0002', total: 177137 })
    const voidAgain = await client.post(`/api/invoices/${first.id}/void`).bearerToken(team.owner.token).json({ reason: 'Again' })
    voidAgain.assertStatus(409)
  })

  test('50 invoices created at once get 50 distinct consecutive numbers', async ({ client, assert }) => {
    const team = await timeTeam('Numbers')
    const projectIds = await Promise.all(
      Array.from({ length: 50 }, () => addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { hourlyRateCents: 10000 }))
    )
    const ids: string[] = []
    for (const projectId of projectIds) {
      ids.push(await logTime(team.agencyId, team.member.userId, 'member', { projectId, date: '2026-11-16', seconds: 600 }))
    }
    await approveTime(ids)
    const responses = await Promise.all(
      projectIds.map((projectId) => client.post('/api/invoices').bearerToken(team.owner.token).json(invoiceBody(projectId)))
    )
    assert.deepEqual([...new Set(responses.map((response) => response.status()))], [201])
    const numbers = responses.map((response) => response.body().invoice.number).sort()
    assert.deepEqual(numbers, Array.from({ length: 50 }, (_, index) => `INV-${String(index + 1).padStart(4, '0')}`))
  })

  test('members cannot invoice (403); bad input is a 422 with fields; another agency’s project is not billable', async ({ client, assert }) => {
    const team = await billableWeek('Guard')
    const other = await timeTeam('Other agency')
    const member = await client.post('/api/invoices').bearerToken(team.member.token).json(invoiceBody(team.projectId))
    member.assertStatus(403)
    const bad = await client.post('/api/invoices').bearerToken(team.owner.token).json({ projectId: team.projectId, from: '2026-02-30', to: 'soon', groupBy: 'planet' })
    bad.assertStatus(422)
    assert.includeMembers(bad.body().errors.map((error: any) => error.field), ['from', 'to', 'groupBy'])
    const foreign = await client.post('/api/invoices').bearerToken(team.owner.token).json(invoiceBody(other.projectId))
    foreign.assertStatus(422)
    assert.equal(foreign.body().errors[0].field, 'projectId')
    const count = await owner().from('invoices').where('agency_id', team.agencyId).count('* as total').first()
    assert.equal(Number(count.total), 0)
  })
})
