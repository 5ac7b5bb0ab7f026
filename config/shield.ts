import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  csp: {
    enabled: app.inProduction,
    directives: {
      defaultSrc: [`'self'`],
      imgSrc: [`'self'`, 'data:', 'blob:'],
      styleSrc: [`'self'`, `'unsafe-inline'`],
      scriptSrc: [`'self'`, '@nonce'],
      frameSrc: [`'self'`],
      objectSrc: [`'none'`],
      frameAncestors: [`'none'`],
    },
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    // `/api` is bearer-token only. `POST /portal/login` as JSON from a script (PRODUCT.md §3) carries no
    // cookie to ride on, and a cross-site page cannot send JSON here (no CORS); the Inertia form still sends its token.
    exceptRoutes: (ctx) =>
      ctx.request.url().startsWith('/api/') ||
      (ctx.request.url() === '/portal/login' && !ctx.request.header('x-inertia') && ctx.request.is(['json']) === 'json'),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: app.inProduction, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
