/*
|--------------------------------------------------------------------------
| Ace entrypoint
|--------------------------------------------------------------------------
| Every ace command (migrations, operator commands, the worker, `dev`) runs
| against the same services as the app: the embedded ones when the URLs are
| unset, reusing those a running dev server already started.
*/
// A fresh clone has no .env: unset means development, as the stock .env would say.
process.env.NODE_ENV ??= 'development'

import 'reflect-metadata'
import { prettyPrintError } from '@adonisjs/core'
import { ignitor } from './ignite.js'
import { ensureServices } from './embedded_services.js'


/** Commands that never touch the database or Redis start faster without them. */
const OFFLINE_COMMANDS = new Set(['build', 'list', 'make:controller', 'configure', 'generate:key', 'serve', 'test'])

try {
  const command = process.argv[2]
  if (command && !OFFLINE_COMMANDS.has(command) && !command.startsWith('make:') && !command.startsWith('-')) {
    await ensureServices()
  }
  await ignitor()
    .ace()
    .handle(process.argv.splice(2))
} catch (error) {
  process.exitCode = 1
  prettyPrintError(error)
}
