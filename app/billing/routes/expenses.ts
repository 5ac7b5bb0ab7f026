import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const ExpensesController = () => import('#billing/controllers/expenses_controller')
const ExpensesApi = () => import('#billing/controllers/api/expenses_controller')

staffPages(() => {
  router.get('/expenses', [ExpensesController, 'index'])
  router.post('/expenses', [ExpensesController, 'store'])
  router.patch('/expenses/:id', [ExpensesController, 'update']).where('id', uuid)
  router.delete('/expenses/:id', [ExpensesController, 'destroy']).where('id', uuid)
  router.post('/expenses/:id/approve', [ExpensesController, 'approve']).where('id', uuid)
  router.post('/expenses/:id/reject', [ExpensesController, 'reject']).where('id', uuid)
  router.get('/expenses/:id/receipt', [ExpensesController, 'receipt']).where('id', uuid)
})

staffApi(() => {
  router.get('/expenses', [ExpensesApi, 'index'])
  router.post('/expenses', [ExpensesApi, 'store'])
  router.get('/expenses/:id', [ExpensesApi, 'show']).where('id', uuid)
  router.patch('/expenses/:id', [ExpensesApi, 'update']).where('id', uuid)
  router.delete('/expenses/:id', [ExpensesApi, 'destroy']).where('id', uuid)
  router.post('/expenses/:id/approve', [ExpensesApi, 'approve']).where('id', uuid)
  router.post('/expenses/:id/reject', [ExpensesApi, 'reject']).where('id', uuid)
  router.get('/expenses/:id/receipt', [ExpensesApi, 'receipt']).where('id', uuid)
})
