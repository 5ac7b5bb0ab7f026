import { staffApi, staffPages, uuid } from '#start/route_groups'
import router from '@adonisjs/core/services/router'

const InvoicesApi = () => import('#billing/controllers/api/invoices_controller')
const InvoiceDeliveryApi = () => import('#billing/controllers/api/invoice_delivery_controller')
const InvoicePdf = () => import('#billing/controllers/invoice_pdf_controller')

staffApi(() => {
  router.get('/invoices', [InvoicesApi, 'index'])
  router.post('/invoices/preview', [InvoicesApi, 'preview'])
  router.post('/invoices', [InvoicesApi, 'store'])
  router.get('/invoices/:id', [InvoicesApi, 'show']).where('id', uuid)
  router.post('/invoices/:id/void', [InvoicesApi, 'void']).where('id', uuid)
  router.post('/invoices/:id/payments', [InvoicesApi, 'recordPayment']).where('id', uuid)
  router.post('/invoices/:id/send', [InvoiceDeliveryApi, 'send']).where('id', uuid)
  router.post('/invoices/:id/credit-notes', [InvoiceDeliveryApi, 'creditNote']).where('id', uuid)
  router.get('/invoices/:id/pdf', [InvoicePdf, 'show']).where('id', uuid)
})

// The PDF for signed-in staff in the browser (the invoice page links to it).
staffPages(() => {
  router.get('/invoices/:id/pdf', [InvoicePdf, 'show']).where('id', uuid)
})
