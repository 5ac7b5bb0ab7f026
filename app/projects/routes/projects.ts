import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const ProjectsController = () => import('#projects/controllers/projects_controller')
const ApiProjectsController = () => import('#projects/controllers/api/projects_controller')

staffPages(() => {
  router.get('/projects', [ProjectsController, 'index'])
  router.get('/projects/:id', [ProjectsController, 'show']).where('id', uuid)
})

staffApi(() => {
  router.get('/projects', [ApiProjectsController, 'index'])
  router.get('/projects/:id', [ApiProjectsController, 'show']).where('id', uuid)
})
