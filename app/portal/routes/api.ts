import router from '@adonisjs/core/services/router'
import { portalApi, uuid } from '#start/route_groups'

const PortalApiController = () => import('#portal/controllers/api/portal_api_controller')

/** The contact's JSON API (`/api/portal/...`), authenticated by the portal cookie only. */
portalApi(() => {
  router.get('/projects', [PortalApiController, 'projects'])
  router.get('/projects/:id', [PortalApiController, 'project']).where('id', uuid)
  router.get('/invoices', [PortalApiController, 'invoices'])
  router.get('/invoices/:id', [PortalApiController, 'invoice']).where('id', uuid)
})
