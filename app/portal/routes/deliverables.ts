/*
| Deliverables, approvals, feedback and signed file links: the staff Files
| tab of a project, the contact's actions in the portal, and the signed
| download route (no session: the signature is the authorization).
*/
import router from '@adonisjs/core/services/router'
import { portalApi, portalPages, staffApi, staffPages, uuid } from '#start/route_groups'

const ProjectFilesController = () => import('#portal/controllers/project_files_controller')
const DeliverablesApi = () => import('#portal/controllers/api/deliverables_controller')
const PortalDeliverablesController = () => import('#portal/controllers/portal_deliverables_controller')
const SignedFilesController = () => import('#portal/controllers/signed_files_controller')




staffPages(() => {
  router.get('/projects/:id/files', [ProjectFilesController, 'index']).where('id', uuid)
  router.post('/projects/:id/files', [ProjectFilesController, 'store']).where('id', uuid)
  router
    .post('/projects/:id/files/:deliverableId/share', [ProjectFilesController, 'share'])
    .where('id', uuid)
    .where('deliverableId', uuid)
  router
    .get('/projects/:id/files/:deliverableId/download', [ProjectFilesController, 'download'])
    .where('id', uuid)
    .where('deliverableId', uuid)
})

staffApi(() => {
  router.get('/projects/:id/deliverables', [DeliverablesApi, 'index']).where('id', uuid)
  router.post('/projects/:id/deliverables', [DeliverablesApi, 'store']).where('id', uuid)
  router.post('/deliverables/:id/share-link', [DeliverablesApi, 'share']).where('id', uuid)
})

portalPages(() => {
  router.get('/deliverables/:id/download', [PortalDeliverablesController, 'download']).where('id', uuid)
  router.post('/deliverables/:id/approve', [PortalDeliverablesController, 'approve']).where('id', uuid)
  router.post('/deliverables/:id/revision', [PortalDeliverablesController, 'revision']).where('id', uuid)
  router.post('/projects/:id/feedback', [PortalDeliverablesController, 'feedback']).where('id', uuid)
})

portalApi(() => {
  router.get('/projects/:id/deliverables', [PortalDeliverablesController, 'apiIndex']).where('id', uuid)
  router.get('/deliverables/:id/download', [PortalDeliverablesController, 'apiDownload']).where('id', uuid)
  router.post('/deliverables/:id/approve', [PortalDeliverablesController, 'apiApprove']).where('id', uuid)
  router.post('/deliverables/:id/revision', [PortalDeliverablesController, 'apiRevision']).where('id', uuid)
  router.post('/feedback', [PortalDeliverablesController, 'apiFeedback'])
})

// No session, no tenant from a cookie: the signed payload names the deliverable and its agency.
router.get('/files/deliverables/:id', [SignedFilesController, 'show'])
