import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const TimesheetsController = () => import('#time/controllers/timesheets_controller')
const ApiTimesheetsController = () => import('#time/controllers/api/timesheets_controller')

staffPages(() => {
  router.get('/time/week', [TimesheetsController, 'week'])
  router.put('/time/week/cells', [TimesheetsController, 'cell'])
  router.post('/time/week/submit', [TimesheetsController, 'submit'])
  router.get('/time/approvals', [TimesheetsController, 'approvals'])
  router.post('/time/approvals/:id/approve', [TimesheetsController, 'approve']).where('id', uuid)
  router.post('/time/approvals/:id/reject', [TimesheetsController, 'reject']).where('id', uuid)
})

staffApi(() => {
  router.get('/timesheets', [ApiTimesheetsController, 'show'])
  router.post('/timesheets/submit', [ApiTimesheetsController, 'submit'])
  router.get('/timesheets/pending', [ApiTimesheetsController, 'pending'])
  router.post('/timesheets/:id/approve', [ApiTimesheetsController, 'approve']).where('id', uuid)
  router.post('/timesheets/:id/reject', [ApiTimesheetsController, 'reject']).where('id', uuid)
})
