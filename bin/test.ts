/*
|--------------------------------------------------------------------------
| Test runner entrypoint
|--------------------------------------------------------------------------
| Tests run on their own throw-away PostgreSQL and Redis (fresh data folder,
| free ports) unless DATABASE_URL / REDIS_URL point at external ones.
*/
process.env.NODE_ENV = 'test'

import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { ensureServices, freePort, stopEmbeddedServices } from './embedded_services.js'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

try {
  await ensureServices({ mode: 'ephemeral' })
  // Mail goes to a real SMTP server the suite runs on loopback (tests/helpers/mail_catcher.ts).
  process.env.SMTP_HOST ??= '127.0.0.1'
  process.env.SMTP_PORT ??= String(await freePort())
  // The suite's HTTP server must not collide with a dev server on 3333.
  process.env.HOST = '127.0.0.1'
  process.env.PORT = String(await freePort())
  process.env.SESSION_DRIVER ??= 'redis'
  process.env.LOG_LEVEL ??= 'warn'
  // Every test signs in from 127.0.0.1; the per-IP form limit has its own test with a low value.
  process.env.AUTH_RATE_LIMIT_PER_MINUTE ??= '100000'
  await new Ignitor(APP_ROOT, { importer: IMPORTER })
    .tap((app) => {
      app.booting(async () => {
        await import('#start/env')
      })
      app.listen('SIGTERM', () => app.terminate())
      app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
    })
    .testRunner()
    .configure(async (app) => {
      const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

      processCLIArgs(process.argv.splice(2))
      configure({
        ...app.rcFile.tests,
        ...config,
        ...{
          setup: runnerHooks.setup,
          teardown: runnerHooks.teardown.concat([() => app.terminate()]),
        },
      })
    })
    .run(() => run())
  await stopEmbeddedServices()
} catch (error) {
  process.exitCode = 1
  prettyPrintError(error)
}
