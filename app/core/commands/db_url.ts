import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Prints the owner connection URL of the database in use (the embedded one too), for psql and pg_dump. */
export default class DbUrl extends BaseCommand {
  static commandName = 'db:url'
  static description = 'Print the PostgreSQL connection URL in use'
  static options: CommandOptions = { startApp: false }

  async run() {
    this.logger.log(process.env.DATABASE_URL ?? '')
  }
}
