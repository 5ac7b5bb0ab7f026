import { registerJobs } from '#core/public/queue'

registerJobs({})

// Delivery: invoice PDFs (re-rendered when the invoice changes), the invoice email once per send, the reminder run.
registerJobs({
  'billing.render_invoice_pdf': () => import('./render_invoice_pdf_job.js'),
  'billing.send_invoice_email': () => import('./send_invoice_email_job.js'),
  'billing.invoice_reminders': () => import('./invoice_reminders_job.js'),
})
