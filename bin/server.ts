/*
|--------------------------------------------------------------------------
| HTTP server entrypoint
|--------------------------------------------------------------------------
| `node build/bin/server.js` in production; `node ace serve` runs this file in
| development. Embedded PostgreSQL/Redis start first when their URLs are unset.
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

try {
  await ensureServices()
  await new Ignitor(APP_ROOT, { importer: IMPORTER })
    .tap((app) => {
      app.booting(async () => {
        await import('#start/env')
      })
      app.listen('SIGTERM', () => app.terminate())
      app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
    })
    .httpServer()
    .start()
} catch (error) {
  process.exitCode = 1
  prettyPrintError(error)
}
