/*
|--------------------------------------------------------------------------
| Test runner entrypoint
|--------------------------------------------------------------------------
| Tests run on their own throw-away PostgreSQL and Redis (fresh data folder,
| free ports) unless DATABASE_URL / REDIS_URL point at external ones.
*/
process.env.NODE_ENV = 'test'

import 'reflect-metadata'
import { prettyPrintError } from '@adonisjs/core'
import { ignitor } from './ignite.js'
import { configure, processCLIArgs, run } from '@japa/runner'
import { ensureServices, freePort, stopEmbeddedServices } from './embedded_services.js'

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
  // Every test signs in from 127.0.0.1: lift the per-IP form limit (the per-user limit is tested).
  process.env.AUTH_RATE_LIMIT_PER_MINUTE ??= '100000'
  await ignitor()
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
