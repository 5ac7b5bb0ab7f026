import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { Endpoint, Figures } from '#core/cli/bench/measure'
import type { CrmBench } from '#core/cli/bench/crm_scenario'

/** One endpoint's figures: one user alone, many connections at once, and its SQL without HTTP. */
interface Row {
  endpoint: Endpoint
  single: Figures
  loaded: Figures
  sql: Figures
}

const CORE_ENDPOINTS: Endpoint[] = [
  { path: '/api/me', sql: [{ sql: 'select * from users where id = (select id from users limit 1)' }] },
  { path: '/api/users', sql: [{ sql: 'select * from users order by name' }] },
  { path: '/api/agency', sql: [{ sql: 'select * from agencies' }] },
]

/** The acceptance target for the client search (the CRM issue): p95 over HTTP, for one user. */
const SEARCH_P95_TARGET_MS = 50

/**
 * `npm run bench`: generates data at scale, then measures API endpoints of
 * the production build over HTTP — for one user, then under load — next to
 * their raw SQL. Two scenarios: many agencies with their teams (core), and
 * one agency with 10,000 clients (crm: client search and a sorted page).
 * Removes its data afterwards. `--small` for a quick run.
 */
export default class Bench extends BaseCommand {
  static commandName = 'bench'
  static description = 'Measure API latency against generated data at scale'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Agencies to generate', default: 200 })
  declare agencies: number

  @flags.number({ description: 'Users per agency', default: 20 })
  declare usersPerAgency: number

  @flags.number({ description: 'Clients of the CRM agency', default: 10_000 })
  declare clients: number

  @flags.number({ description: 'Time entries on the invoice of the billing scenario', default: 5_000 })
  declare entries: number

  @flags.string({ description: 'Scenarios to run: all, core, crm, billing or reports', default: 'all' })
  declare scenario: string

  @flags.number({ description: 'Seconds per measurement', default: 10 })
  declare seconds: number

  @flags.number({ description: 'Concurrent HTTP connections', default: 16 })
  declare connections: number

  @flags.boolean({ description: '20 agencies, 1,000 clients, 3 s per measurement' })
  declare small: boolean

  @flags.boolean({ description: 'Build for production first (--no-build reuses build/)', default: true })
  declare build: boolean

  async run() {
    if (!['all', 'core', 'crm', 'billing', 'reports'].includes(this.scenario)) {
      this.logger.error('--scenario must be all, core, crm, billing or reports')
      this.exitCode = 1
      return
    }
    const { seedBenchData, removeBenchData } = await import('#core/cli/bench/bench_data')
    const { seedCrmBenchData, removeCrmBenchData, crmEndpoints } = await import('#core/cli/bench/crm_scenario')
    const { startServer, stopServer } = await import('#core/cli/bench/measure')
    const { freePort } = await import('#bin/embedded_services')
    const { seedBillingBenchData, removeBillingBenchData, measureInvoiceGeneration } = await import('#core/cli/bench/billing_scenario')
    const runCore = ['all', 'core'].includes(this.scenario)
    const runCrm = ['all', 'crm'].includes(this.scenario)
    const runBilling = ['all', 'billing'].includes(this.scenario)
    const runReports = ['all', 'reports'].includes(this.scenario)
    const { seedReportsBenchData, removeReportsBenchData, reportEndpoints } = await import('#core/cli/bench/reports_scenario')
    const agencies = this.small ? 20 : this.agencies
    const clients = this.small ? 1_000 : this.clients
    const seconds = this.small ? 3 : this.seconds

    let server: Awaited<ReturnType<typeof startServer>> | undefined
    try {
      let tokens: { agencyId: string; value: string }[] = []
      if (runCore) {
        this.logger.info(`generating ${agencies} agencies × ${this.usersPerAgency} users`)
        tokens = await seedBenchData({ agencies, usersPerAgency: this.usersPerAgency, tokens: Math.min(agencies, 50) })
      }
      let crm: CrmBench | undefined
      if (runCrm) {
        this.logger.info(`generating one agency with ${clients.toLocaleString('en')} clients`)
        const started = Date.now()
        crm = await seedCrmBenchData({ clients })
        this.logger.info(`${crm.clients} clients, ${crm.contacts} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      }

      let billing: Awaited<ReturnType<typeof seedBillingBenchData>> | undefined
      if (runBilling) {
        this.logger.info(`generating ${this.entries.toLocaleString('en')} approved time entries on one project`)
        billing = await seedBillingBenchData({ entries: this.entries })
      }

      let reports: Awaited<ReturnType<typeof seedReportsBenchData>> | undefined
      if (runReports) {
        const scale = this.small ? 20 : 1
        const size = { agencies: 200 / scale, entries: 2_000_000 / scale, invoices: 100_000 / scale, tokens: 20 }
        this.logger.info(
          `generating ${size.agencies} agencies, ${size.agencies * 20} users, ${size.entries.toLocaleString('en')} time entries, ${size.invoices.toLocaleString('en')} invoices`
        )
        reports = await seedReportsBenchData(size)
        this.logger.info(`${reports.entries.toLocaleString('en')} entries, ${reports.invoices.toLocaleString('en')} invoices in ${reports.seconds.toFixed(1)} s (vacuum analyze included)`)
      }

      this.logger.info(this.build ? 'building for production and starting the server' : 'starting the existing build')
      const port = await freePort()
      server = await startServer(this.app.appRoot.pathname, port, { build: this.build })
      const origin = `http://127.0.0.1:${port}`

      if (runCore) {
        const rows = await this.measure(origin, CORE_ENDPOINTS, tokens, seconds)
        this.render('core', rows)
        this.logger.info(`${agencies} agencies, ${agencies * this.usersPerAgency} users, ${seconds} s per measurement`)
      }
      if (crm) {
        const rows = await this.measure(origin, crmEndpoints(crm), [{ agencyId: crm.agencyId, value: crm.token }], seconds)
        this.render('crm', rows)
        this.logger.info(`1 agency, ${crm.clients} clients, ${crm.contacts} contacts, ${seconds} s per measurement`)
        const searches = rows.filter((row) => row.endpoint.path.includes('search='))
        const worst = Math.max(...searches.map((row) => row.single.p95))
        const verdict = worst <= SEARCH_P95_TARGET_MS ? 'met' : 'MISSED'
        this.logger.info(`client search, one user: worst HTTP p95 ${worst.toFixed(1)} ms, target ≤ ${SEARCH_P95_TARGET_MS} ms: ${verdict}`)
      }
      if (reports) {
        const rows = await this.measure(origin, reportEndpoints(), reports.tokens, seconds)
        this.render('reports (one year)', rows)
        this.logger.info(
          `${reports.agencyIds.length} agencies, ${reports.entries.toLocaleString('en')} time entries, ${reports.invoices.toLocaleString('en')} invoices; requests rotate over ${reports.tokens.length} agencies' owners; ${seconds} s per measurement`
        )
      }
      if (billing) {
        const figures = await measureInvoiceGeneration(origin, billing, this.small ? 5 : 20, this.small ? 2 : 5)
        this.ui
          .table()
          .head(['billing', 'p50', 'p95 / max', 'lines', 'total'])
          .row([`POST /api/invoices/preview (${billing.entries} entries)`, `${figures.preview.p50.toFixed(1)} ms`, `${figures.preview.p95.toFixed(1)} ms`, `${figures.lines}`, `${figures.total}`])
          .row([`POST /api/invoices (${billing.entries} entries, then voided)`, `${figures.generate.p50.toFixed(1)} ms`, `${figures.generate.max.toFixed(1)} ms`, `${figures.lines}`, `${figures.total}`])
          .render()
      }
    } finally {
      if (server) stopServer(server)
      if (runBilling) await removeBillingBenchData()
      if (runReports) await removeReportsBenchData()
      if (runCore) await removeBenchData()
      if (runCrm) await removeCrmBenchData()
    }
  }

  /**
   * Each endpoint as one user sees it (one connection: the latency the
   * targets speak of), then under load (`--connections`), then its SQL alone.
   */
  private async measure(origin: string, endpoints: Endpoint[], tokens: { agencyId: string; value: string }[], seconds: number) {
    const { measureHttp, measureSql } = await import('#core/cli/bench/measure')
    const values = tokens.map((token) => token.value)
    const rows: Row[] = []
    for (const endpoint of endpoints) {
      const url = `${origin}${endpoint.path}`
      const single = await measureHttp(url, values, seconds, 1)
      const loaded = await measureHttp(url, values, seconds, this.connections)
      const sql = await measureSql(endpoint.sql, tokens.map((token) => token.agencyId), seconds)
      rows.push({ endpoint, single, loaded, sql })
    }
    return rows
  }

  private render(scenario: string, rows: Row[]) {
    const ms = (value: number) => `${value.toFixed(1)} ms`
    const load = `${this.connections} conns`
    const table = this.ui
      .table()
      .head([scenario, '1 conn p50', '1 conn p95', '1 conn p99', `${load} p50`, `${load} p95`, `${load} p99`, 'req/s', 'errors', 'SQL p50', 'SQL p95', 'SQL p99'])
    for (const { endpoint, single, loaded, sql } of rows) {
      table.row([
        `GET ${endpoint.path}${endpoint.note ? ` (${endpoint.note})` : ''}`,
        ms(single.p50),
        ms(single.p95),
        ms(single.p99),
        ms(loaded.p50),
        ms(loaded.p95),
        ms(loaded.p99),
        `${Math.round(loaded.perSecond)}`,
        `${single.errors + loaded.errors}`,
        ms(sql.p50),
        ms(sql.p95),
        ms(sql.p99),
      ])
    }
    table.render()
  }
}
