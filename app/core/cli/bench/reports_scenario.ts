/*
| Reports at scale (the Reports issue): 200 agencies of 20 people (4,000
| users), 2,000,000 time entries over one year and 100,000 invoices with
| their lines, project links and payments, plus open deals for the
| pipeline. Generated entirely in SQL (generate_series, one statement per
| table and slice of agencies) as the schema owner, then `vacuum analyze`.
| `--small` generates 1/20th (10 agencies, 100,000 entries, 5,000 invoices).
*/
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { BENCH_PASSWORD, ownerToken, removeAgencies } from '#core/cli/bench/bench_data'
import type { Endpoint } from '#core/cli/bench/measure'

const MARK = 'Bench reports agency '
const USERS_PER_AGENCY = 20
const PROJECTS_PER_AGENCY = 40
const CLIENTS_PER_AGENCY = 20
const DEALS_PER_AGENCY = 50
/** The measured range: one year of agency days, and where the data lies. */
export const REPORT_FROM = '2025-12-01'
export const REPORT_TO = '2026-11-30'
const DAYS = 365
/** Agencies per generating statement: bounds each statement's memory and transition table. */
const SLICE = 20

export interface ReportsBench {
  agencyIds: string[]
  tokens: { agencyId: string; value: string }[]
  entries: number
  invoices: number
  seconds: number
}

export async function seedReportsBenchData(options: { agencies: number; entries: number; invoices: number; tokens: number }): Promise<ReportsBench> {
  await removeReportsBenchData()
  const started = Date.now()
  const owner = db.connection('owner')
  const password = await hash.make(BENCH_PASSWORD)
  const entriesPerUser = Math.max(1, Math.round(options.entries / (options.agencies * USERS_PER_AGENCY)))
  const invoicesPerAgency = Math.max(1, Math.round(options.invoices / options.agencies))
  const pad = String(options.agencies).length

  await owner.rawQuery(
    `insert into agencies (name, currency, tax_rate_basis_points) select ? || lpad(g::text, ?, '0'), 'EUR', 2000 from generate_series(1, ?) g`,
    [MARK, pad, options.agencies]
  )
  const agencies = await owner.from('agencies').where('name', 'like', `${MARK}%`).orderBy('name').select('id')
  const agencyIds = agencies.map((row) => row.id as string)

  for (let start = 0; start < agencyIds.length; start += SLICE) {
    const ids = agencyIds.slice(start, start + SLICE)
    const inSlice = `agency_id = any(?::uuid[])`
    await owner.rawQuery(
      `insert into users (agency_id, email, name, password, role, hourly_rate_cents, cost_rate_cents, capacity_hours_weekly)
       select a, 'bench-reports-' || a || '-' || g || '@bench.test', 'Bench person ' || lpad(g::text, 2, '0'), ?,
              case when g = 1 then 'owner' when g <= 3 then 'manager' else 'member' end,
              9000 + g * 250, 3500 + g * 125, case when g % 5 = 0 then 32 else 40 end
       from unnest(?::uuid[]) a cross join generate_series(1, ?) g`,
      [password, ids, USERS_PER_AGENCY]
    )
    await owner.rawQuery(
      `insert into clients (agency_id, company_name) select a, 'Bench client ' || lpad(g::text, 3, '0')
       from unnest(?::uuid[]) a cross join generate_series(1, ?) g`,
      [ids, CLIENTS_PER_AGENCY]
    )
    await owner.rawQuery(
      `with c as (select id, agency_id, row_number() over (partition by agency_id order by company_name) - 1 as n from clients where ${inSlice})
       insert into projects (agency_id, client_id, name, status, currency, budget_cents, billing_type, hourly_rate_cents)
       select c.agency_id, c.id, 'Bench project ' || lpad(g::text, 3, '0'), 'active', 'EUR', 2000000 + g * 50000, 'hourly', 12000
       from generate_series(1, ?) g join c on c.n = g % ?`,
      [ids, PROJECTS_PER_AGENCY, CLIENTS_PER_AGENCY]
    )
    // Everyone on every project; the two managers manage half the projects each.
    await owner.rawQuery(
      `with u as (select id, agency_id, role, row_number() over (partition by agency_id order by name) as n from users where ${inSlice} and role <> 'owner'),
            p as (select id, agency_id, row_number() over (partition by agency_id order by name) as n from projects where ${inSlice})
       insert into project_members (agency_id, project_id, user_id, role, cost_rate_cents)
       select p.agency_id, p.id, u.id, case when u.role = 'manager' and p.n % 2 = u.n % 2 then 'manager' else 'member' end, null
       from p join u on u.agency_id = p.agency_id`,
      [ids, ids]
    )
    // Time: each person, entriesPerUser entries over the year, on a rotating project; no start/end (no overlap checks).
    await owner.rawQuery(
      `with u as (select id, agency_id, hourly_rate_cents, cost_rate_cents, row_number() over (partition by agency_id order by name) as n
                    from users where ${inSlice}),
            p as (select id, agency_id, row_number() over (partition by agency_id order by name) - 1 as n from projects where ${inSlice})
       insert into time_entries (agency_id, user_id, project_id, description, entry_date, duration_seconds, billable,
                                 billable_rate_cents, cost_rate_cents, currency, status, submitted_at, approved_at)
       select u.agency_id, u.id, p.id, 'Bench work', ?::date + ((g * 7 + u.n * 3) % ${DAYS})::int,
              1800 + ((g * 37 + u.n * 11) % 20) * 900, g % 4 <> 0, u.hourly_rate_cents, u.cost_rate_cents, 'EUR',
              case when g % 3 = 0 then 'draft' else 'approved' end,
              case when g % 3 = 0 then null else now() end, case when g % 3 = 0 then null else now() end
       from u cross join generate_series(1, ?) g join p on p.agency_id = u.agency_id and p.n = (g + u.n) % ${PROJECTS_PER_AGENCY}`,
      [ids, ids, REPORT_FROM, entriesPerUser]
    )
    // Invoices over the year: ~10 % void, the rest sent, paid or partly paid; two project lines each.
    await owner.rawQuery(
      `with c as (select id, agency_id, row_number() over (partition by agency_id order by company_name) - 1 as n from clients where ${inSlice})
       insert into invoices (agency_id, client_id, number, sequence_number, status, currency, issue_date, due_date,
                             subtotal_cents, tax_rate_basis_points, tax_cents, total_cents, amount_paid_cents, sent_at, voided_at, void_reason)
       select c.agency_id, c.id, 'INV-' || lpad(g::text, 5, '0'), g,
              case when g % 10 = 0 then 'void' when g % 10 < 6 then 'paid' when g % 10 < 8 then 'partially_paid' else 'sent' end,
              'EUR', d, d + 30, s, 2000, s / 5, s + s / 5,
              case when g % 10 = 0 then 0 when g % 10 < 6 then s + s / 5 when g % 10 < 8 then (s + s / 5) / 2 else 0 end,
              d::timestamptz, case when g % 10 = 0 then d::timestamptz end, case when g % 10 = 0 then 'bench' end
       from generate_series(1, ?) g
       cross join lateral (select ?::date + ((g * 13) % ${DAYS}) as d, (100000 + (g * 7919) % 900000)::bigint as s) v
       join c on c.n = g % ${CLIENTS_PER_AGENCY}
       where c.agency_id = any(?::uuid[])`,
      [ids, invoicesPerAgency, REPORT_FROM, ids]
    )
    await owner.rawQuery(
      `with i as (select id, agency_id, subtotal_cents, sequence_number as g from invoices where ${inSlice}),
            p as (select id, agency_id, row_number() over (partition by agency_id order by name) - 1 as n from projects where ${inSlice}),
            l as (select i.*, k, p.id as project_id from i cross join generate_series(0, 1) k
                  join p on p.agency_id = i.agency_id and p.n = (i.g * 2 + k) % ${PROJECTS_PER_AGENCY})
       insert into invoice_lines (agency_id, invoice_id, position, kind, description, project_id, quantity_seconds, unit_amount_cents, amount_cents)
       select agency_id, id, k, 'time', 'Bench time', project_id, 3600,
              case when k = 0 then subtotal_cents - subtotal_cents / 2 else subtotal_cents / 2 end,
              case when k = 0 then subtotal_cents - subtotal_cents / 2 else subtotal_cents / 2 end
       from l`,
      [ids, ids]
    )
    await owner.rawQuery(
      `insert into invoice_projects (agency_id, invoice_id, project_id)
       select distinct agency_id, invoice_id, project_id from invoice_lines where ${inSlice}`,
      [ids]
    )
    await owner.rawQuery(
      `insert into payments (agency_id, invoice_id, kind, amount_cents, currency, occurred_at, method)
       select agency_id, id, 'payment', amount_paid_cents, 'EUR', (issue_date + 10)::timestamptz, 'bank_transfer'
       from invoices where ${inSlice} and amount_paid_cents > 0`,
      [ids]
    )
    await owner.rawQuery(
      `with s as (select id, agency_id, position from deal_stages where ${inSlice} and kind = 'open'),
            c as (select id, agency_id, row_number() over (partition by agency_id order by company_name) - 1 as n from clients where ${inSlice}),
            o as (select id, agency_id, row_number() over (partition by agency_id order by name) - 1 as n from users where ${inSlice} and role <> 'member')
       insert into deals (agency_id, client_id, stage_id, title, value_cents, currency, probability, expected_close_date, owner_user_id)
       select c.agency_id, c.id, s.id, 'Bench deal ' || g, 500000 + g * 1000, 'EUR', 10 + s.position * 20, ?::date + (g * 11) % ${DAYS}, o.id
       from generate_series(1, ?) g
       join c on c.n = g % ${CLIENTS_PER_AGENCY}
       join s on s.agency_id = c.agency_id and s.position = 1 + g % 3
       join o on o.agency_id = c.agency_id and o.n = g % 3`,
      [ids, ids, ids, REPORT_FROM, DEALS_PER_AGENCY]
    )
  }
  for (const table of ['users', 'clients', 'projects', 'project_members', 'time_entries', 'time_daily_rollups', 'invoices', 'invoice_lines', 'invoice_projects', 'payments', 'deals']) {
    await owner.rawQuery(`vacuum analyze ${table}`)
  }
  const [{ entries }] = (await owner.rawQuery(`select count(*)::int as entries from time_entries where agency_id = any(?::uuid[])`, [agencyIds])).rows
  const [{ invoices }] = (await owner.rawQuery(`select count(*)::int as invoices from invoices where agency_id = any(?::uuid[])`, [agencyIds])).rows
  const owners = await owner.from('users').whereIn('agency_id', agencyIds.slice(0, options.tokens)).where('role', 'owner').select('id', 'agency_id')
  const tokens: { agencyId: string; value: string }[] = []
  for (const row of owners) tokens.push({ agencyId: row.agency_id, value: await ownerToken(row.agency_id, row.id) })
  return { agencyIds, tokens, entries, invoices, seconds: (Date.now() - started) / 1000 }
}

export function removeReportsBenchData() {
  return removeAgencies(`${MARK}%`)
}

const range = `from=${REPORT_FROM}&to=${REPORT_TO}`
const bindings = [REPORT_FROM, REPORT_TO]

/**
 * Each report next to the SQL it boils down to for an owner (the rows the
 * API reads, aggregated the same way, without the JSON and the HTTP).
 */
export function reportEndpoints(): Endpoint[] {
  return [
    {
      path: `/api/reports/profitability?${range}`,
      sql: [
        { sql: `select id, client_id, name, budget_cents from projects order by name` },
        {
          sql: `select project_id, sum(seconds)::bigint, round(sum(cost_numerator)::numeric / 3600)::bigint from time_daily_rollups
                where day between ?::date and ?::date group by project_id`,
          bindings,
        },
        { sql: `select project_id, sum(seconds)::bigint, round(sum(cost_numerator)::numeric / 3600)::bigint from time_daily_rollups group by project_id` },
        {
          sql: `select l.project_id, sum(l.amount_cents)::bigint from invoices i join invoice_lines l on l.invoice_id = i.id
                where i.status <> 'void' and i.issue_date between ?::date and ?::date group by l.project_id`,
          bindings,
        },
        {
          sql: `select ip.project_id, sum(p.amount_cents)::bigint from payments p join invoice_projects ip on ip.invoice_id = p.invoice_id
                where p.occurred_at >= ?::date and p.occurred_at < ?::date + 1 group by ip.project_id`,
          bindings,
        },
      ],
    },
    {
      path: `/api/reports/utilization?${range}`,
      sql: [
        { sql: `select id, name, capacity_hours_weekly from users where deactivated_at is null order by name` },
        {
          sql: `select user_id, sum(seconds)::bigint, sum(billable_seconds)::bigint from time_daily_rollups
                where day between ?::date and ?::date group by user_id`,
          bindings,
        },
      ],
    },
    {
      path: `/api/reports/revenue?${range}`,
      sql: [
        {
          sql: `select to_char(issue_date, 'YYYY-MM'), sum(subtotal_cents)::bigint from invoices
                where status <> 'void' and issue_date between ?::date and ?::date group by 1`,
          bindings,
        },
        {
          sql: `select to_char(occurred_at at time zone 'UTC', 'YYYY-MM'), sum(amount_cents)::bigint from payments
                where occurred_at >= ?::date and occurred_at < ?::date + 1 group by 1`,
          bindings,
        },
      ],
    },
    {
      path: `/api/reports/receivables`,
      sql: [
        {
          sql: `select id, number, client_id, due_date, total_cents, amount_paid_cents from invoices
                where status in ('sent', 'partially_paid', 'overdue') and total_cents > amount_paid_cents order by due_date`,
        },
      ],
    },
    {
      path: `/api/reports/pipeline`,
      sql: [
        {
          sql: `select to_char(d.expected_close_date, 'YYYY-MM'), sum(d.value_cents * d.probability), sum(d.value_cents), count(*)
                from deals d join deal_stages s on s.id = d.stage_id where s.kind = 'open' group by 1`,
        },
      ],
    },
  ]
}
