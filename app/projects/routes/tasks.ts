import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const TasksController = () => import('#projects/controllers/tasks_controller')
const MilestonesController = () => import('#projects/controllers/milestones_controller')
const ApiTasksController = () => import('#projects/controllers/api/tasks_controller')
const ApiMilestonesController = () => import('#projects/controllers/api/milestones_controller')

staffPages(() => {
  router.get('/projects/:id/board', [TasksController, 'board']).where('id', uuid)
  router.get('/projects/:id/tasks', [TasksController, 'list']).where('id', uuid)
  router.post('/projects/:id/tasks', [TasksController, 'store']).where('id', uuid)
  router.patch('/tasks/:id', [TasksController, 'update']).where('id', uuid)
  router.delete('/tasks/:id', [TasksController, 'destroy']).where('id', uuid)
  router.post('/tasks/:id/comments', [TasksController, 'comment']).where('id', uuid)
  router.post('/tasks/:id/checklist', [TasksController, 'addChecklistItem']).where('id', uuid)
  router.patch('/checklist-items/:id', [TasksController, 'updateChecklistItem']).where('id', uuid)
  router.delete('/checklist-items/:id', [TasksController, 'destroyChecklistItem']).where('id', uuid)

  router.get('/projects/:id/milestones', [MilestonesController, 'index']).where('id', uuid)
  router.post('/projects/:id/milestones', [MilestonesController, 'store']).where('id', uuid)
  router.patch('/milestones/:id', [MilestonesController, 'update']).where('id', uuid)
  router.delete('/milestones/:id', [MilestonesController, 'destroy']).where('id', uuid)
  router.post('/milestones/:id/complete', [MilestonesController, 'complete']).where('id', uuid)
  router.post('/milestones/:id/reopen', [MilestonesController, 'reopen']).where('id', uuid)
})

staffApi(() => {
  router.get('/projects/:id/tasks', [ApiTasksController, 'index']).where('id', uuid)
  router.post('/projects/:id/tasks', [ApiTasksController, 'store']).where('id', uuid)
  router.get('/tasks/:id', [ApiTasksController, 'show']).where('id', uuid)
  router.patch('/tasks/:id', [ApiTasksController, 'update']).where('id', uuid)
  router.delete('/tasks/:id', [ApiTasksController, 'destroy']).where('id', uuid)
  router.post('/tasks/:id/comments', [ApiTasksController, 'comment']).where('id', uuid)
  router.post('/tasks/:id/checklist', [ApiTasksController, 'addChecklistItem']).where('id', uuid)
  router.patch('/checklist-items/:id', [ApiTasksController, 'updateChecklistItem']).where('id', uuid)
  router.delete('/checklist-items/:id', [ApiTasksController, 'destroyChecklistItem']).where('id', uuid)

  router.get('/projects/:id/milestones', [ApiMilestonesController, 'index']).where('id', uuid)
  router.post('/projects/:id/milestones', [ApiMilestonesController, 'store']).where('id', uuid)
  router.patch('/milestones/:id', [ApiMilestonesController, 'update']).where('id', uuid)
  router.delete('/milestones/:id', [ApiMilestonesController, 'destroy']).where('id', uuid)
  router.post('/milestones/:id/complete', [ApiMilestonesController, 'complete']).where('id', uuid)
  router.post('/milestones/:id/reopen', [ApiMilestonesController, 'reopen']).where('id', uuid)
})
