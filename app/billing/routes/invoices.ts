import { staffApi, uuid } from '#start/route_groups'
import router from '@adonisjs/core/services/router'

const InvoicesApi = () => import('#billing/controllers/api/invoices_controller')

staffApi(() => {
  router.get('/invoices', [InvoicesApi, 'index'])
  router.post('/invoices/preview', [InvoicesApi, 'preview'])
  router.post('/invoices', [InvoicesApi, 'store'])
  router.get('/invoices/:id', [InvoicesApi, 'show']).where('id', uuid)
  router.post('/invoices/:id/void', [InvoicesApi, 'void']).where('id', uuid)
  router.post('/invoices/:id/payments', [InvoicesApi, 'recordPayment']).where('id', uuid)
})
