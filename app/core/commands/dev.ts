import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { Supervisor } from '#core/cli/supervisor'

/**
 * `npm run dev`: migrate, then serve with HMR at http://localhost:3333 and run
 * the queue worker beside it, on the embedded PostgreSQL and Redis unless
 * DATABASE_URL / REDIS_URL say otherwise. Ctrl-C (or SIGTERM) stops everything.
 */
export default class Dev extends BaseCommand {
  static commandName = 'dev'
  static description = 'Migrate, then run the dev server and the queue worker'
  static options: CommandOptions = { startApp: false, staysAlive: true }

  async run() {
    const supervisor = new Supervisor()
    const cwd = this.app.appRoot.pathname
    await supervisor.runToCompletion(process.execPath, ['ace.js', 'migration:run', '--connection=owner', '--force'], cwd)
    supervisor.run(process.execPath, ['ace.js', 'serve', '--hmr'], cwd)
    supervisor.run(process.execPath, ['ace.js', 'queue:listen'], cwd)
    await supervisor.untilSignal()
    process.exit(0)
  }
}
