import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const TimeEntriesController = () => import('#time/controllers/time_entries_controller')
const MyTimeController = () => import('#time/controllers/my_time_controller')
const ApiTimeEntriesController = () => import('#time/controllers/api/time_entries_controller')

staffPages(() => {
  router.get('/time', [TimeEntriesController, 'day'])
  router.post('/time/entries', [TimeEntriesController, 'store'])
  router.put('/time/entries/:id', [TimeEntriesController, 'update']).where('id', uuid)
  router.delete('/time/entries/:id', [TimeEntriesController, 'destroy']).where('id', uuid)
  router.get('/time/export.csv', [TimeEntriesController, 'export'])
  router.get('/time/mine', [MyTimeController, 'show'])
})

staffApi(() => {
  router.get('/time-entries', [ApiTimeEntriesController, 'index'])
  router.get('/time-entries/export.csv', [ApiTimeEntriesController, 'export'])
  router.post('/time-entries', [ApiTimeEntriesController, 'store'])
  router.get('/time-entries/:id', [ApiTimeEntriesController, 'show']).where('id', uuid)
  router.patch('/time-entries/:id', [ApiTimeEntriesController, 'update']).where('id', uuid)
  router.delete('/time-entries/:id', [ApiTimeEntriesController, 'destroy']).where('id', uuid)
})
