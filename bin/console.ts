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
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { ensureServices } from './embedded_services.js'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

/** Commands that never touch the database or Redis start faster without them. */
const OFFLINE_COMMANDS = new Set(['build', 'list', 'make:controller', 'configure', 'generate:key', 'serve', 'test'])

try {
  const command = process.argv[2]
  if (command && !OFFLINE_COMMANDS.has(command) && !command.startsWith('make:') && !command.startsWith('-')) {
    await ensureServices()
  }
  await new Ignitor(APP_ROOT, { importer: IMPORTER })
    .tap((app) => {
      app.booting(async () => {
        await import('#start/env')
      })
      app.listen('SIGTERM', () => app.terminate())
      app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
    })
    .ace()
    .handle(process.argv.splice(2))
} catch (error) {
  process.exitCode = 1
  prettyPrintError(error)
}
