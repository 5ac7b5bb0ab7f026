import router from '@adonisjs/core/services/router'
import { staffPages, uuid } from '#start/route_groups'

const ProjectsController = () => import('#projects/controllers/projects_controller')

staffPages(() => {
  router.get('/projects', [ProjectsController, 'index'])
  router.get('/projects/:id', [ProjectsController, 'show']).where('id', uuid)
})
