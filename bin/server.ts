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
import { prettyPrintError } from '@adonisjs/core'
import { ignitor } from './ignite.js'
import { ensureServices } from './embedded_services.js'

try {
  await ensureServices()
  await ignitor().httpServer().start()
} catch (error) {
  process.exitCode = 1
  prettyPrintError(error)
}
