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
    exceptRoutes: (ctx) => ctx.request.url().startsWith('/api/'),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: app.inProduction, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
