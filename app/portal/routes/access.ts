/*
| Portal access: magic-link sign-in for client contacts, and the staff side
| (invite a contact, revoke access, read the portal access log).
*/
import router from '@adonisjs/core/services/router'
import { portalApi, portalGuestPages, staffApi, staffPages, uuid } from '#start/route_groups'
import { throttlePortalLinksPerIp } from '#portal/auth/link_rate_limits'

const PortalLoginController = () => import('#portal/controllers/portal_login_controller')
const PortalAccessController = () => import('#portal/controllers/portal_access_controller')
const ApiPortalAccessController = () => import('#portal/controllers/api/portal_access_controller')

portalGuestPages(() => {
  router.get('/login', [PortalLoginController, 'show'])
  router.post('/login', [PortalLoginController, 'send']).use(throttlePortalLinksPerIp)
  router.get('/auth/:token', [PortalLoginController, 'consume'])
  router.post('/logout', [PortalLoginController, 'logout'])
})

portalApi(() => {
  router.post('/logout', [PortalLoginController, 'logout'])
})

staffPages(() => {
  router
    .group(() => {
      router.post('/portal-access/contacts/:contactId/invite', [PortalAccessController, 'invite'])
      router.post('/portal-access/contacts/:contactId/revoke', [PortalAccessController, 'revoke'])
    })
    .where('contactId', uuid)
})

staffApi(() => {
  router
    .group(() => {
      router.post('/contacts/:id/portal-invitation', [ApiPortalAccessController, 'invite'])
      router.delete('/contacts/:id/portal-access', [ApiPortalAccessController, 'revoke'])
      router.get('/clients/:id/portal-activity', [ApiPortalAccessController, 'activity'])
    })
    .where('id', uuid)
})
