import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { withTenant } from '#core/public/tenancy'
import { spendFor } from '#projects/public/spend'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { asRuntimeRole } from '#tests/helpers/runtime_role'
import { addProject, timeTeam } from '#tests/helpers/time'
import { pageOf, WebSession } from '#tests/helpers/web_session'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)
const owner = () => db.connection('owner')

const VALID = { date: '2026-11-20', amount: 12_345, category: 'Travel', description: 'Train to the client', billable: true, markupPercent: 10 }

async function auditOf(entityId: string) {
  return owner().from('audit_logs').where('entity_id', entityId).orderBy('created_at').orderBy('id')
}

async function submit(client: any, token: string, projectId: string, fields: Record<string, unknown> = {}) {
  return client.post('/api/expenses').bearerToken(token).json({ projectId, ...VALID, ...fields })
}

test.group('Expenses API', () => {
  test('a member submits on an assigned project and sees only their own; the manager sees the project’s', async ({ client, assert }) => {
    const team = await timeTeam('Submit expense')
    const response = await submit(client, team.member.token, team.projectId)
    response.assertStatus(201)
    assert.containsSubset(response.body().expense, {
      projectId: team.projectId,
      projectName: 'Submit expense project',
      userId: team.member.userId,
      date: '2026-11-20',
      amount: 12_345,
      currency: 'USD',
      category: 'Travel',
      billable: true,
      markupPercent: 10,
      billedAmount: 13_580, // 12,345 × 1.10 = 13,579.5 → half-up once
      status: 'submitted',
      invoiceId: null,
      receipt: null,
      can: { update: true, delete: true, decide: false },
    })
    const id = response.body().expense.id
    const audit = await auditOf(id)
    assert.deepEqual(audit.map((row) => row.action), ['submitted'])

    // The manager logs one of their own; the member still sees only theirs.
    ;(await submit(client, team.manager.token, team.projectId, { amount: 500, category: 'Software' })).assertStatus(201)
    const mine = await client.get('/api/expenses').bearerToken(team.member.token)
    mine.assertStatus(200)
    assert.deepEqual(mine.body().expenses.map((expense: any) => expense.id), [id])
    assert.equal(mine.body().total, 1)
    const managed = await client.get('/api/expenses').bearerToken(team.manager.token)
    assert.equal(managed.body().total, 2)
    const theirs = managed.body().expenses.find((expense: any) => expense.id === id)
    assert.deepEqual(theirs.can, { update: true, delete: true, decide: true })

    // A project the member is not on: a clear 422, nothing written.
    const elsewhere = await addProject(team.agencyId, team.clientId, [{ userId: team.manager.userId, role: 'manager' }])
    const refused = await submit(client, team.member.token, elsewhere)
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'projectId')
    assert.equal((await owner().from('expenses').where('project_id', elsewhere)).length, 0)
  })

  test('bad input is a 422 naming the field and writes nothing', async ({ client, assert }) => {
    const team = await timeTeam('Bad expense')
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ amount: 12.5 }, 'amount'],
      [{ amount: 0 }, 'amount'],
      [{ amount: '12,00' }, 'amount'],
      [{ category: '' }, 'category'],
      [{ date: '2026-02-30' }, 'date'],
      [{ date: '2099-01-01' }, 'date'],
      [{ markupPercent: 10.125 }, 'markupPercent'],
      [{ projectId: 'not-a-uuid' }, 'projectId'],
    ]
    for (const [fields, field] of cases) {
      const response = await submit(client, team.member.token, team.projectId, fields)
      response.assertStatus(422)
      assert.include(response.body().errors.map((error: any) => error.field), field, JSON.stringify(fields))
    }
    const text = await client
      .post('/api/expenses')
      .bearerToken(team.member.token)
      .fields({ projectId: team.projectId, date: VALID.date, amount: '100', category: 'Other' })
      .file('receipt', Buffer.from('just text'), { filename: 'notes.txt', contentType: 'text/plain' })
    text.assertStatus(422)
    assert.equal(text.body().errors[0].field, 'receipt')
    assert.equal((await owner().from('expenses').where('project_id', team.projectId)).length, 0)
  })

  test('a member cannot approve; the project’s manager approves, and approved expenses count as spend at cost', async ({ client, assert }) => {
    const team = await timeTeam('Approve expense')
    const id = (await submit(client, team.member.token, team.projectId)).body().expense.id

    const byMember = await client.post(`/api/expenses/${id}/approve`).bearerToken(team.member.token)
    byMember.assertStatus(403)
    assert.match(byMember.body().errors[0].message, /managers of the project/)
    // RLS agrees: the member cannot approve it in SQL either.
    await asRuntimeRole({ agencyId: team.agencyId, userId: team.member.userId, role: 'member' }, async (trx) => {
      await assert.rejects(() => trx.from('expenses').where('id', id).update({ status: 'approved' }), /row-level security/)
    })

    const spendBefore = await withTenant(team.agencyId, () => spendFor([team.projectId]))
    assert.equal(spendBefore.get(team.projectId)!.costCents, 0)

    const approved = await client.post(`/api/expenses/${id}/approve`).bearerToken(team.manager.token)
    approved.assertStatus(200)
    assert.containsSubset(approved.body().expense, { status: 'approved', decidedByUserId: team.manager.userId })
    const again = await client.post(`/api/expenses/${id}/approve`).bearerToken(team.manager.token)
    again.assertStatus(409)

    // Approved only, at cost (no markup): 12,345, not 13,580.
    ;(await submit(client, team.member.token, team.projectId, { amount: 999 })).assertStatus(201)
    const spend = await withTenant(team.agencyId, () => spendFor([team.projectId]))
    assert.deepEqual(spend.get(team.projectId), { costCents: 12_345, seconds: 0 })

    // The member can no longer change or withdraw it; the manager rejects it and spend falls back.
    ;(await client.patch(`/api/expenses/${id}`).bearerToken(team.member.token).json({ amount: 1 })).assertStatus(403)
    ;(await client.delete(`/api/expenses/${id}`).bearerToken(team.member.token)).assertStatus(403)
    const rejected = await client.post(`/api/expenses/${id}/reject`).bearerToken(team.manager.token).json({ reason: 'Not agreed' })
    rejected.assertStatus(200)
    assert.equal(rejected.body().expense.status, 'rejected')
    const after = await withTenant(team.agencyId, () => spendFor([team.projectId]))
    assert.equal(after.get(team.projectId)!.costCents, 0)

    const audit = await auditOf(id)
    assert.deepEqual(audit.map((row) => row.action), ['submitted', 'approved', 'rejected'])
    assert.equal(audit[2].actor_id, team.manager.userId)
    assert.equal(audit[2].after.reason, 'Not agreed')

    // A manager does not decide their own expense; the owner decides anyone's.
    const managers = (await submit(client, team.manager.token, team.projectId, { amount: 700 })).body().expense.id
    ;(await client.post(`/api/expenses/${managers}/approve`).bearerToken(team.manager.token)).assertStatus(403)
    ;(await client.post(`/api/expenses/${managers}/approve`).bearerToken(team.owner.token)).assertStatus(200)
  })

  test('the submitter changes and withdraws their expense while it is submitted', async ({ client, assert }) => {
    const team = await timeTeam('Edit expense')
    const id = (await submit(client, team.member.token, team.projectId)).body().expense.id
    const changed = await client.patch(`/api/expenses/${id}`).bearerToken(team.member.token).json({ amount: 20_000, markupPercent: 12.5, billable: false })
    changed.assertStatus(200)
    assert.containsSubset(changed.body().expense, { amount: 20_000, markupPercent: 12.5, billedAmount: 22_500, billable: false, status: 'submitted' })
    const bad = await client.patch(`/api/expenses/${id}`).bearerToken(team.member.token).json({ amount: -5 })
    bad.assertStatus(422)

    const colleague = await createUser(team.agencyId, 'member')
    // Someone else's expense is invisible to a member: 404, not 403.
    ;(await client.get(`/api/expenses/${id}`).bearerToken(colleague.token)).assertStatus(404)
    ;(await client.delete(`/api/expenses/${id}`).bearerToken(colleague.token)).assertStatus(404)

    ;(await client.delete(`/api/expenses/${id}`).bearerToken(team.member.token)).assertStatus(204)
    assert.isNull(await owner().from('expenses').where('id', id).first())
    assert.deepEqual((await auditOf(id)).map((row) => row.action), ['submitted', 'updated', 'deleted'])
  })

  test('a receipt uploads with the expense and only staff who see the expense download it; another agency gets 404', async ({ client, assert }) => {
    const team = await timeTeam('Receipt')
    const uploaded = await client
      .post('/api/expenses')
      .bearerToken(team.member.token)
      .fields({ projectId: team.projectId, date: VALID.date, amount: '4200', category: 'Printing', billable: 'true', markupPercent: '0' })
      .file('receipt', PNG, { filename: 'receipt.png', contentType: 'image/png' })
    uploaded.assertStatus(201)
    const expense = uploaded.body().expense
    assert.containsSubset(expense, { amount: 4200, receipt: { name: 'receipt.png', url: `/api/expenses/${expense.id}/receipt` } })
    const row = await owner().from('expenses').where('id', expense.id).first()
    assert.match(row.receipt_path, new RegExp(`^receipts/${team.agencyId}/${expense.id}/`))
    assert.isTrue(await drive.use().exists(row.receipt_path))

    for (const token of [team.member.token, team.manager.token, team.owner.token]) {
      const download = await client.get(`/api/expenses/${expense.id}/receipt`).bearerToken(token)
      download.assertStatus(200)
      assert.equal(download.header('content-type'), 'image/png')
      assert.include(download.header('cache-control'), 'private')
      assert.match(download.header('content-security-policy')!, /default-src 'none'/)
    }

    // Without a token, from another agency, or as a member who did not submit it: nothing.
    ;(await client.get(`/api/expenses/${expense.id}/receipt`)).assertStatus(401)
    const other = await createAgency('Receipt thief')
    ;(await client.get(`/api/expenses/${expense.id}/receipt`).bearerToken(other.token)).assertStatus(404)
    ;(await client.get(`/api/expenses/${expense.id}`).bearerToken(other.token)).assertStatus(404)
    ;(await client.post(`/api/expenses/${expense.id}/approve`).bearerToken(other.token)).assertStatus(404)
    ;(await client.delete(`/api/expenses/${expense.id}`).bearerToken(other.token)).assertStatus(404)
    const colleague = await createUser(team.agencyId, 'member')
    ;(await client.get(`/api/expenses/${expense.id}/receipt`).bearerToken(colleague.token)).assertStatus(404)

    // Replacing the receipt removes the old file once the change commits.
    const replaced = await client
      .patch(`/api/expenses/${expense.id}`)
      .bearerToken(team.member.token)
      .fields({ category: 'Printing' })
      .file('receipt', PNG, { filename: 'second.png', contentType: 'image/png' })
    replaced.assertStatus(200)
    assert.equal(replaced.body().expense.receipt.name, 'second.png')
    const newRow = await owner().from('expenses').where('id', expense.id).first()
    assert.notEqual(newRow.receipt_path, row.receipt_path)
    assert.isTrue(await drive.use().exists(newRow.receipt_path))
    assert.isFalse(await drive.use().exists(row.receipt_path))

    // Signed-in staff read it through the page route too.
    const web = await new WebSession(client).login(team.manager.email, PASSWORD)
    const fromPage = await web.get(`/expenses/${expense.id}/receipt`)
    fromPage.assertStatus(200)
    assert.equal(fromPage.header('content-type'), 'image/png')
  })

  test('an invoiced expense cannot be changed or deleted (409)', async ({ client, assert }) => {
    const team = await timeTeam('Invoiced expense')
    const id = (await submit(client, team.member.token, team.projectId)).body().expense.id
    ;(await client.post(`/api/expenses/${id}/approve`).bearerToken(team.manager.token)).assertStatus(200)
    const invoice = await client.post('/api/invoices').bearerToken(team.owner.token).json({ projectId: team.projectId, from: '2026-11-01', to: '2026-11-30' })
    invoice.assertStatus(201)
    const line = invoice.body().invoice.lines.find((candidate: any) => candidate.kind === 'expense')
    assert.equal(line.amount, 13_580)

    const deleted = await client.delete(`/api/expenses/${id}`).bearerToken(team.owner.token)
    deleted.assertStatus(409)
    assert.match(deleted.body().errors[0].message, /on an invoice/)
    ;(await client.post(`/api/expenses/${id}/reject`).bearerToken(team.manager.token)).assertStatus(409)
    ;(await client.patch(`/api/expenses/${id}`).bearerToken(team.owner.token).json({ amount: 1 })).assertStatus(409)
    const still = await owner().from('expenses').where('id', id).first()
    assert.equal(still.invoice_id, invoice.body().invoice.id)
    assert.equal(Number(still.amount_cents), 12_345)
  })

  test('the expenses page lists expenses with the form options and an empty state', async ({ client, assert }) => {
    const team = await timeTeam('Expense page')
    const web = await new WebSession(client).login(team.member.email, PASSWORD)
    const empty = await web.get('/expenses')
    empty.assertStatus(200)
    assert.include(empty.text(), 'No expenses yet')
    const page = pageOf(empty.text())
    assert.equal(page.component, 'billing/expenses/index')
    assert.deepEqual(page.props.projects.map((project: any) => project.id), [team.projectId])

    const posted = await web.post('/expenses', { projectId: team.projectId, date: VALID.date, amount: 2500, category: 'Meals', markupPercent: 0 })
    assert.equal(posted.status(), 302)
    const listed = pageOf((await web.get('/expenses')).text())
    assert.lengthOf(listed.props.expenses, 1)
    assert.containsSubset(listed.props.expenses[0], { amount: 2500, category: 'Meals', status: 'submitted', can: { decide: false } })

    const manager = await new WebSession(client).login(team.manager.email, PASSWORD)
    const managerPage = await manager.get('/expenses')
    assert.include(managerPage.text(), 'Approve')
    const approved = await manager.post(`/expenses/${listed.props.expenses[0].id}/approve`)
    assert.equal(approved.status(), 302)
    assert.equal((await owner().from('expenses').where('id', listed.props.expenses[0].id).first()).status, 'approved')
  })
})
