import { staffPages, uuid } from '#start/route_groups'
import router from '@adonisjs/core/services/router'

const InvoicesController = () => import('#billing/controllers/invoices_controller')

/** The invoice pages and their form posts (owners and managers). */
staffPages(() => {
  router.get('/invoices', [InvoicesController, 'index'])
  router.get('/invoices/create', [InvoicesController, 'create'])
  router.post('/invoices', [InvoicesController, 'store'])
  router.get('/invoices/:id', [InvoicesController, 'show']).where('id', uuid)
  router.post('/invoices/:id/void', [InvoicesController, 'void']).where('id', uuid)
  router.post('/invoices/:id/send', [InvoicesController, 'send']).where('id', uuid)
  router.post('/invoices/:id/credit-notes', [InvoicesController, 'creditNote']).where('id', uuid)
  router.post('/invoices/:id/payments', [InvoicesController, 'recordPayment']).where('id', uuid)
  router.post('/invoices/:id/lines', [InvoicesController, 'addLine']).where('id', uuid)
  router.patch('/invoice-lines/:id', [InvoicesController, 'updateLine']).where('id', uuid)
  router.delete('/invoice-lines/:id', [InvoicesController, 'removeLine']).where('id', uuid)
})
