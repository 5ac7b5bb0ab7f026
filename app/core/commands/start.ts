import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { Supervisor } from '#core/cli/supervisor'

/**
 * `npm start`, run from the production build: migrate, then the HTTP server
 * and the queue worker. Deployments that scale them apart run
 * `node bin/server.js` and `node ace.js queue:listen` separately instead.
 */
export default class Start extends BaseCommand {
  static commandName = 'start'
  static description = 'Migrate, then run the production server and the queue worker'
  static options: CommandOptions = { startApp: false, staysAlive: true }

  async run() {
    const supervisor = new Supervisor()
    const cwd = this.app.appRoot.pathname
    process.env.NODE_ENV = 'production'
    await supervisor.runToCompletion(process.execPath, ['ace.js', 'migration:run', '--connection=owner', '--force'], cwd)
    supervisor.run(process.execPath, ['bin/server.js'], cwd)
    supervisor.run(process.execPath, ['ace.js', 'queue:listen'], cwd)
    await supervisor.untilSignal()
    process.exit(0)
  }
}
