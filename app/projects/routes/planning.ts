import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const GanttController = () => import('#projects/controllers/gantt_controller')
const TemplatesController = () => import('#projects/controllers/templates_controller')
const ApiTemplatesController = () => import('#projects/controllers/api/templates_controller')

staffPages(() => {
  router.get('/projects/:id/gantt', [GanttController, 'show']).where('id', uuid)
  router.patch('/projects/:id/gantt/tasks/:taskId', [GanttController, 'reschedule']).where('id', uuid).where('taskId', uuid)

  router.get('/projects/templates', [TemplatesController, 'index'])
  router.post('/projects/templates', [TemplatesController, 'store'])
  router.get('/projects/templates/:id', [TemplatesController, 'show']).where('id', uuid)
  router.patch('/projects/templates/:id', [TemplatesController, 'update']).where('id', uuid)
  router.delete('/projects/templates/:id', [TemplatesController, 'destroy']).where('id', uuid)
  router.get('/projects/templates/:id/use', [TemplatesController, 'create']).where('id', uuid)
  router.post('/projects/templates/:id/use', [TemplatesController, 'use']).where('id', uuid)
})

staffApi(() => {
  router.get('/project-templates', [ApiTemplatesController, 'index'])
  router.post('/project-templates', [ApiTemplatesController, 'store'])
  router.get('/project-templates/:id', [ApiTemplatesController, 'show']).where('id', uuid)
  router.patch('/project-templates/:id', [ApiTemplatesController, 'update']).where('id', uuid)
  router.delete('/project-templates/:id', [ApiTemplatesController, 'destroy']).where('id', uuid)
  router.post('/project-templates/:id/projects', [ApiTemplatesController, 'use']).where('id', uuid)
})
