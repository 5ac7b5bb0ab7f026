import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Each measured endpoint with the SQL it boils down to, for the side-by-side figures. */
const ENDPOINTS = [
  { path: '/api/me', sql: 'select * from users where id = (select id from users limit 1)' },
  { path: '/api/users', sql: 'select * from users order by name' },
  { path: '/api/agency', sql: 'select * from agencies' },
]

/**
 * `npm run bench`: generates agencies and users at scale, then measures each
 * API endpoint of the production build over HTTP (p50/p99, requests/s) next
 * to its raw SQL. Removes its data afterwards. `--small` for a quick run.
 */
export default class Bench extends BaseCommand {
  static commandName = 'bench'
  static description = 'Measure API latency against generated data at scale'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Agencies to generate', default: 200 })
  declare agencies: number

  @flags.number({ description: 'Users per agency', default: 20 })
  declare usersPerAgency: number

  @flags.number({ description: 'Seconds per measurement', default: 10 })
  declare seconds: number

  @flags.number({ description: 'Concurrent HTTP connections', default: 16 })
  declare connections: number

  @flags.boolean({ description: '20 agencies, 3 s per measurement' })
  declare small: boolean

  async run() {
    const { seedBenchData, removeBenchData } = await import('#core/cli/bench/bench_data')
    const { startServer, stopServer, measureHttp, measureSql } = await import('#core/cli/bench/measure')
    const { freePort } = await import('#bin/embedded_services')
    const agencies = this.small ? 20 : this.agencies
    const seconds = this.small ? 3 : this.seconds

    this.logger.info(`generating ${agencies} agencies × ${this.usersPerAgency} users`)
    const tokens = await seedBenchData({ agencies, usersPerAgency: this.usersPerAgency, tokens: Math.min(agencies, 50) })
    const port = await freePort()
    const server = await startServer(this.app.appRoot.pathname, port)
    try {
      const rows = []
      for (const endpoint of ENDPOINTS) {
        const http = await measureHttp(`http://127.0.0.1:${port}${endpoint.path}`, tokens.map((t) => t.value), seconds, this.connections)
        const sql = await measureSql(endpoint.sql, tokens.map((t) => t.agencyId), seconds)
        rows.push([
          `GET ${endpoint.path}`,
          `${http.p50} ms`,
          `${http.p99} ms`,
          `${Math.round(http.perSecond)}`,
          `${http.errors}`,
          `${sql.p50.toFixed(2)} ms`,
          `${sql.p99.toFixed(2)} ms`,
        ])
      }
      const table = this.ui.table().head(['endpoint', 'HTTP p50', 'HTTP p99', 'req/s', 'errors', 'SQL p50', 'SQL p99'])
      for (const row of rows) table.row(row)
      table.render()
      this.logger.info(`${agencies} agencies, ${agencies * this.usersPerAgency} users, ${this.connections} connections, ${seconds} s each`)
    } finally {
      stopServer(server)
      await removeBenchData()
    }
  }
}
