import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const ProjectsController = () => import('#projects/controllers/projects_controller')
const ProjectTeamController = () => import('#projects/controllers/project_team_controller')
const ProjectInvoicesController = () => import('#projects/controllers/project_invoices_controller')
const ApiProjectsController = () => import('#projects/controllers/api/projects_controller')
const ApiProjectMembersController = () => import('#projects/controllers/api/project_members_controller')

staffPages(() => {
  router.get('/projects', [ProjectsController, 'index'])
  router.get('/projects/create', [ProjectsController, 'create'])
  router.post('/projects', [ProjectsController, 'store'])
  router.get('/projects/:id', [ProjectsController, 'show']).where('id', uuid)
  router.get('/projects/:id/time', [ProjectsController, 'time']).where('id', uuid)
  router.get('/projects/:id/invoices', [ProjectInvoicesController, 'index']).where('id', uuid)
  router.get('/projects/:id/settings', [ProjectsController, 'settings']).where('id', uuid)
  router.put('/projects/:id', [ProjectsController, 'update']).where('id', uuid)
  router.put('/projects/:id/status', [ProjectsController, 'status']).where('id', uuid)
  router.get('/projects/:id/team', [ProjectTeamController, 'index']).where('id', uuid)
  router.post('/projects/:id/team', [ProjectTeamController, 'store']).where('id', uuid)
  router.put('/projects/:id/team/:userId', [ProjectTeamController, 'update']).where('id', uuid).where('userId', uuid)
  router.delete('/projects/:id/team/:userId', [ProjectTeamController, 'destroy']).where('id', uuid).where('userId', uuid)
})

staffApi(() => {
  router.get('/projects', [ApiProjectsController, 'index'])
  router.post('/projects', [ApiProjectsController, 'store'])
  router.get('/projects/:id', [ApiProjectsController, 'show']).where('id', uuid)
  router.patch('/projects/:id', [ApiProjectsController, 'update']).where('id', uuid)
  router.get('/projects/:id/members', [ApiProjectMembersController, 'index']).where('id', uuid)
  router.post('/projects/:id/members', [ApiProjectMembersController, 'store']).where('id', uuid)
  router.patch('/projects/:id/members/:userId', [ApiProjectMembersController, 'update']).where('id', uuid).where('userId', uuid)
  router.delete('/projects/:id/members/:userId', [ApiProjectMembersController, 'destroy']).where('id', uuid).where('userId', uuid)
})
