import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/** Staff sessions end after 24 h without a request (PRODUCT.md); the store's TTL slides on each request. */
export const SESSION_IDLE_AGE = '24h'

const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'throughline-session',
  clearWithBrowser: false,
  age: SESSION_IDLE_AGE,
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER', 'redis'),
  stores: {
    cookie: stores.cookie(),
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
