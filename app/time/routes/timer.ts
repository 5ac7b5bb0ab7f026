import router from '@adonisjs/core/services/router'
import { staffApi, staffPages } from '#start/route_groups'

const TimerController = () => import('#time/controllers/timer_controller')
const ApiTimerController = () => import('#time/controllers/api/timer_controller')

// The header widget (every staff page gets the running timer as the `timer` prop).
staffPages(() => {
  router.get('/timer/options', [TimerController, 'options'])
  router.post('/timer/start', [TimerController, 'start'])
  router.post('/timer/stop', [TimerController, 'stop'])
  router.post('/timer/discard', [TimerController, 'discard'])
})

staffApi(() => {
  router.get('/timer', [ApiTimerController, 'show'])
  router.post('/timer/start', [ApiTimerController, 'start'])
  router.post('/timer/stop', [ApiTimerController, 'stop'])
  router.delete('/timer', [ApiTimerController, 'discard'])
})
