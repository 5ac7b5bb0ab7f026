/*
| Invoice generation at scale (the Billing issue): one agency whose project
| holds 5,000 approved billable time entries by 5 people at their own rates.
| Written as the schema owner in multi-row INSERTs; measured over HTTP on the
| production build: the preview (reads and groups everything, writes nothing)
| and the generation itself (then voided, so the next run bills the same time).
*/
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { BENCH_PASSWORD, ownerToken, removeAgencies } from '#core/cli/bench/bench_data'

const MARK = 'Bench billing agency'
const BATCH = 1000

export interface BillingBench {
  agencyId: string
  projectId: string
  token: string
  entries: number
}

export async function seedBillingBenchData(options: { entries: number }): Promise<BillingBench> {
  await removeBillingBenchData()
  const owner = db.connection('owner')
  const password = await hash.make(BENCH_PASSWORD)
  const [agency] = await owner.table('agencies').insert({ name: MARK, currency: 'EUR', tax_rate_basis_points: 1900 }).returning('id')
  const agencyId = agency.id as string
  const users = await owner
    .table('users')
    .multiInsert(
      Array.from({ length: 6 }, (_, index) => ({
        agency_id: agencyId,
        email: `bench-billing-${index}-${agencyId}@bench.test`,
        name: index === 0 ? 'Bench owner' : `Bench person ${index}`,
        password,
        role: index === 0 ? 'owner' : 'member',
        hourly_rate_cents: 9000 + index * 1250,
        cost_rate_cents: 4000 + index * 500,
      }))
    )
    .returning('id')
  const [client] = await owner.table('clients').insert({ agency_id: agencyId, company_name: 'Bench client' }).returning('id')
  const [project] = await owner
    .table('projects')
    .insert({ agency_id: agencyId, client_id: client.id, name: 'Bench retainer-free project', status: 'active', currency: 'EUR', billing_type: 'hourly' })
    .returning('id')
  const people = users.slice(1).map((user: { id: string }) => user.id)
  await owner.table('project_members').multiInsert(people.map((userId: string) => ({ agency_id: agencyId, project_id: project.id, user_id: userId, role: 'member' })))

  const rows = Array.from({ length: options.entries }, (_, index) => {
    const person = index % people.length
    const day = new Date(Date.UTC(2026, 0, 5) + Math.floor(index / people.length) * 86_400_000)
    return {
      agency_id: agencyId,
      user_id: people[person],
      project_id: project.id,
      description: `Bench work ${index}`,
      entry_date: day.toISOString().slice(0, 10),
      duration_seconds: 900 + ((index * 37) % 27) * 300,
      billable: true,
      billable_rate_cents: 9000 + (person + 1) * 1250,
      cost_rate_cents: 4000 + (person + 1) * 500,
      currency: 'EUR',
      status: 'approved',
      approved_at: new Date(),
    }
  })
  for (let start = 0; start < rows.length; start += BATCH) await owner.table('time_entries').multiInsert(rows.slice(start, start + BATCH))
  await owner.rawQuery('vacuum analyze time_entries')
  return { agencyId, projectId: project.id, token: await ownerToken(agencyId, users[0].id), entries: rows.length }
}

export function removeBillingBenchData() {
  return removeAgencies(MARK)
}

async function timedPost(origin: string, path: string, token: string, body: unknown) {
  const started = process.hrtime.bigint()
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await response.json()) as any
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`)
  return { ms, json }
}

const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]

/** Preview `rounds` times and generate-then-void `generations` times; latencies in ms. */
export async function measureInvoiceGeneration(origin: string, bench: BillingBench, rounds: number, generations: number) {
  const body = { projectId: bench.projectId, from: '2026-01-01', to: '2026-12-31', groupBy: 'member' }
  const previews: number[] = []
  let lines = 0
  let total = 0
  for (let round = 0; round < rounds + 2; round++) {
    const { ms, json } = await timedPost(origin, '/api/invoices/preview', bench.token, body)
    if (round >= 2) previews.push(ms) // the first two warm the JIT and the pool
    lines = json.preview.lines.length
    total = json.preview.total
  }
  const creations: number[] = []
  for (let round = 0; round < generations; round++) {
    const { ms, json } = await timedPost(origin, '/api/invoices', bench.token, body)
    creations.push(ms)
    await timedPost(origin, `/api/invoices/${json.invoice.id}/void`, bench.token, { reason: 'bench' })
  }
  return {
    preview: { p50: percentile(previews, 0.5), p95: percentile(previews, 0.95) },
    generate: { p50: percentile(creations, 0.5), max: Math.max(...creations) },
    lines,
    total,
  }
}
