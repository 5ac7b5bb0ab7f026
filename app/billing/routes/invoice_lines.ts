import { staffApi, uuid } from '#start/route_groups'
import router from '@adonisjs/core/services/router'

const InvoiceLinesApi = () => import('#billing/controllers/api/invoice_lines_controller')

/** Manual lines and discounts on drafts (the page twins are in invoice_pages.ts). */
staffApi(() => {
  router.post('/invoices/:id/lines', [InvoiceLinesApi, 'store']).where('id', uuid)
  router.patch('/invoice-lines/:id', [InvoiceLinesApi, 'update']).where('id', uuid)
  router.delete('/invoice-lines/:id', [InvoiceLinesApi, 'destroy']).where('id', uuid)
})
