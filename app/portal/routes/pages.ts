import router from '@adonisjs/core/services/router'
import { portalPages, uuid } from '#start/route_groups'

const PortalPagesController = () => import('#portal/controllers/portal_pages_controller')

/** The signed-in contact's pages (`/portal/...`). */
portalPages(() => {
  router.get('/', [PortalPagesController, 'home'])
  router.get('/projects/:id', [PortalPagesController, 'project']).where('id', uuid)
  router.get('/invoices', [PortalPagesController, 'invoices'])
  router.get('/invoices/:id', [PortalPagesController, 'invoice']).where('id', uuid)
  router.get('/invoices/:id/pdf', [PortalPagesController, 'pdf']).where('id', uuid)
  router.get('/invoices/:id/pay', [PortalPagesController, 'pay']).where('id', uuid)
  router.get('/logo', [PortalPagesController, 'logo'])
})
