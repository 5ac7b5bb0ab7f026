import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { dispatchAfterCommit } from '#core/public/queue'
import { withTenant } from '#core/public/tenancy'
import GenerateRetainerInvoices from '#billing/actions/generate_retainer_invoices'
import GenerateRetainerInvoicesJob from '#billing/jobs/generate_retainer_invoices_job'
import { addProject, logTime, timeTeam } from '#tests/helpers/time'

const HOUR = 3600
const owner = () => db.connection('owner')

/** Logs `hours` for the member as entries of at most `chunk` hours on consecutive days from `firstDay`. */
async function logHours(team: Awaited<ReturnType<typeof timeTeam>>, projectId: string, firstDay: string, hours: number, chunk = 12) {
  let day = new Date(`${firstDay}T00:00:00Z`)
  let left = hours
  while (left > 0) {
    const take = Math.min(chunk, left)
    await logTime(team.agencyId, team.member.userId, 'member', { projectId, date: day.toISOString().slice(0, 10), seconds: take * HOUR })
    left -= take
    day = new Date(day.getTime() + 86_400_000)
  }
}

async function retainerTeam(name: string) {
  const team = await timeTeam(name)
  await owner().from('agencies').where('id', team.agencyId).update({ tax_rate_basis_points: 2000, invoice_prefix: 'RT-', payment_terms_days: 14 })
  return team
}

async function invoicesOf(agencyId: string) {
  return owner().from('invoices').where('agency_id', agencyId).orderBy('sequence_number')
}

async function linesOf(invoiceId: string) {
  return owner().from('invoice_lines').where('invoice_id', invoiceId).orderBy('position')
}

test.group('Recurring retainer invoices', () => {
  test('monthly: 40 h included, unused hours roll over one period, overage beyond that; a rerun creates nothing', async ({ assert }) => {
    const team = await retainerTeam('Monthly retainer')
    await owner().from('projects').where('id', team.projectId).update({
      billing_type: 'retainer',
      retainer_amount_cents: 400_000,
      retainer_period: 'monthly',
      retainer_included_seconds: 40 * HOUR,
      retainer_rollover_periods: 1,
      overage_rate_cents: 12_000,
      start_date: '2026-01-01',
    })
    await logHours(team, team.projectId, '2026-01-05', 30, 10) // January: 30 h of 40 → 10 h roll over
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-01-20', seconds: 5 * HOUR, billable: false })
    await logHours(team, team.projectId, '2026-02-02', 48) // February: 48 h of 40 + 10 rolled over → no overage
    await logHours(team, team.projectId, '2026-03-02', 55) // March: 55 h of 40, nothing rolled (February used all) → 15 h overage
    const april = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-04-01', seconds: 2 * HOUR })

    // The daily job, as the worker runs it: the cross-agency list, then each project in its agency.
    await new GenerateRetainerInvoicesJob().handle({ agencyId: team.agencyId, today: '2026-04-01' })

    const invoices = await invoicesOf(team.agencyId)
    assert.deepEqual(
      invoices.map((invoice) => [invoice.number, invoice.status, invoice.period_from, invoice.period_to, invoice.issue_date, invoice.due_date]),
      [
        ['RT-0001', 'draft', '2026-01-01', '2026-01-31', '2026-04-01', '2026-04-15'],
        ['RT-0002', 'draft', '2026-02-01', '2026-02-28', '2026-04-01', '2026-04-15'],
        ['RT-0003', 'draft', '2026-03-01', '2026-03-31', '2026-04-01', '2026-04-15'],
      ]
    )
    // Totals: 4,000.00 retainer + 20 % tax; March adds 15 h × 120.00 = 1,800.00 of overage.
    assert.deepEqual(
      invoices.map((invoice) => [Number(invoice.subtotal_cents), invoice.tax_rate_basis_points, Number(invoice.tax_cents), Number(invoice.total_cents)]),
      [
        [400_000, 2000, 80_000, 480_000],
        [400_000, 2000, 80_000, 480_000],
        [580_000, 2000, 116_000, 696_000],
      ]
    )

    const january = await linesOf(invoices[0].id)
    assert.lengthOf(january, 1)
    assert.containsSubset(january[0], { kind: 'retainer', project_id: team.projectId, quantity_milli: 1000 })
    assert.equal(Number(january[0].amount_cents), 400_000)
    assert.include(january[0].description, '30 h used of 40 h included')
    const february = await linesOf(invoices[1].id)
    assert.lengthOf(february, 1)
    assert.include(february[0].description, '48 h used of 40 h included + 10 h rolled over')
    const march = await linesOf(invoices[2].id)
    assert.deepEqual(
      march.map((line) => [line.kind, line.quantity_seconds, Number(line.unit_amount_cents), Number(line.amount_cents)]),
      [
        ['retainer', null, 400_000, 400_000],
        ['overage', 15 * HOUR, 12_000, 180_000],
      ]
    )

    const periods = await owner().from('retainer_periods').where('project_id', team.projectId).orderBy('period_start')
    assert.deepEqual(
      periods.map((period) => [period.period_start, period.period_end, period.invoice_id, period.included_seconds, period.rolled_over_seconds, period.used_seconds]),
      [
        ['2026-01-01', '2026-01-31', invoices[0].id, 40 * HOUR, 0, 30 * HOUR],
        ['2026-02-01', '2026-02-28', invoices[1].id, 40 * HOUR, 10 * HOUR, 48 * HOUR],
        ['2026-03-01', '2026-03-31', invoices[2].id, 40 * HOUR, 0, 55 * HOUR],
      ]
    )

    // Each period's billable time is billed by its invoice; non-billable time and April's are not.
    const entries = await owner().from('time_entries').where('project_id', team.projectId)
    const billedBy = (invoiceId: string) => entries.filter((entry) => entry.invoice_id === invoiceId).reduce((total, entry) => total + entry.duration_seconds, 0)
    assert.deepEqual(invoices.map((invoice) => billedBy(invoice.id)), [30 * HOUR, 48 * HOUR, 55 * HOUR])
    assert.isNull(entries.find((entry) => !entry.billable)!.invoice_id)
    assert.isNull(entries.find((entry) => entry.id === april)!.invoice_id)
    const projects = await owner().from('invoice_projects').whereIn('invoice_id', invoices.map((invoice) => invoice.id))
    assert.lengthOf(projects, 3)
    const audit = await owner().from('audit_logs').where('entity_type', 'invoice').whereIn('entity_id', invoices.map((invoice) => invoice.id))
    assert.lengthOf(audit, 3)
    assert.equal(audit[0].actor_type, 'system')

    // Rerun (the job again, the action directly, a later day in the same period): nothing new.
    await new GenerateRetainerInvoicesJob().handle({ agencyId: team.agencyId, today: '2026-04-01' })
    const again = await withTenant(team.agencyId, () => new GenerateRetainerInvoices().handle(team.projectId, { today: '2026-04-30' }))
    assert.deepEqual(again, [])
    assert.lengthOf(await invoicesOf(team.agencyId), 3)
    assert.lengthOf(await owner().from('retainer_periods').where('project_id', team.projectId), 3)

    // Once April has ended, only April is invoiced: 2 h of 40, nothing rolls in from March.
    const may = await withTenant(team.agencyId, () => new GenerateRetainerInvoices().handle(team.projectId, { today: '2026-05-01' }))
    assert.deepEqual(
      may.map((period) => [period.periodStart, period.number, period.usedSeconds, period.rolledOverSeconds, period.overageSeconds]),
      [['2026-04-01', 'RT-0004', 2 * HOUR, 0, 0]]
    )
  })

  test('quarterly from a mid-month start, without rollover; overage at the project rate when no overage rate is set', async ({ assert }) => {
    const team = await retainerTeam('Quarterly retainer')
    const projectId = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], {
      name: 'Quarterly care plan',
      status: 'active',
      billingType: 'retainer',
      retainerAmountCents: 900_000,
      retainerPeriod: 'quarterly',
      retainerIncludedSeconds: 100 * HOUR,
      retainerRolloverPeriods: 0,
      hourlyRateCents: 15_000,
      startDate: '2026-01-15',
    })
    await logHours(team, projectId, '2026-02-02', 110, 11) // Q1 (15 Jan – 14 Apr): 10 h over
    await logHours(team, projectId, '2026-05-04', 50) // Q2: 50 h of 100; nothing rolls (rollover 0)
    await logHours(team, projectId, '2026-10-20', 5) // Q4 has not ended

    const results = await withTenant(team.agencyId, () => new GenerateRetainerInvoices().handle(projectId, { today: '2026-11-01' }))
    assert.deepEqual(
      results.map((period) => [period.periodStart, period.periodEnd, period.usedSeconds, period.rolledOverSeconds, period.overageSeconds]),
      [
        ['2026-01-15', '2026-04-14', 110 * HOUR, 0, 10 * HOUR],
        ['2026-04-15', '2026-07-14', 50 * HOUR, 0, 0],
        ['2026-07-15', '2026-10-14', 0, 0, 0],
      ]
    )
    const invoices = await invoicesOf(team.agencyId)
    assert.deepEqual(
      invoices.map((invoice) => [invoice.number, Number(invoice.subtotal_cents), Number(invoice.total_cents)]),
      [
        ['RT-0001', 1_050_000, 1_260_000], // 9,000.00 + 10 h × 150.00
        ['RT-0002', 900_000, 1_080_000],
        ['RT-0003', 900_000, 1_080_000],
      ]
    )
    const overage = (await linesOf(invoices[0].id)).find((line) => line.kind === 'overage')
    assert.equal(Number(overage.unit_amount_cents), 15_000)
    assert.include((await linesOf(invoices[1].id))[0].description, 'Quarterly retainer 2026-04-15 – 2026-07-14: 50 h used of 100 h included (50 h left)')

    // A project that is not an active retainer gets nothing.
    await owner().from('projects').where('id', team.projectId).update({ start_date: '2026-01-01' })
    assert.deepEqual(await withTenant(team.agencyId, () => new GenerateRetainerInvoices().handle(team.projectId, { today: '2026-11-01' })), [])
  })

  test('the job queued by the web process runs in the separately started worker', async ({ assert }) => {
    const team = await retainerTeam('Queued retainer')
    await owner().from('projects').where('id', team.projectId).update({
      billing_type: 'retainer',
      retainer_amount_cents: 250_000,
      retainer_period: 'monthly',
      retainer_included_seconds: 10 * HOUR,
      overage_rate_cents: 10_000,
      start_date: '2026-09-01',
    })
    await logHours(team, team.projectId, '2026-09-07', 12)
    await dispatchAfterCommit(GenerateRetainerInvoicesJob, { agencyId: team.agencyId, today: '2026-10-15' })
    const deadline = Date.now() + 15_000
    let periods: any[] = []
    while (Date.now() < deadline && periods.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 150))
      periods = await owner().from('retainer_periods').where('project_id', team.projectId)
    }
    assert.lengthOf(periods, 1)
    assert.containsSubset(periods[0], { period_start: '2026-09-01', period_end: '2026-09-30', used_seconds: 12 * HOUR })
    const [invoice] = await invoicesOf(team.agencyId)
    assert.equal(Number(invoice.subtotal_cents), 270_000) // 2,500.00 + 2 h × 100.00
  })
})
