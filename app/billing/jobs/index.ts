import { registerJobs, registerSchedule } from '#core/public/queue'

registerJobs({})

// Recurring retainer invoices: once a day, every ended period not yet invoiced.
registerJobs({
  'billing.generate_retainer_invoices': () => import('./generate_retainer_invoices_job.js'),
})

registerSchedule(async () => {
  const { scheduleRetainerInvoices } = await import('./generate_retainer_invoices_job.js')
  await scheduleRetainerInvoices()
})

// Stripe: each verified webhook event applied once; a daily reconciliation re-reads Stripe and repairs the ledger.
registerJobs({
  'billing.apply_stripe_event': () => import('./apply_stripe_event_job.js'),
  'billing.reconcile_stripe': () => import('./reconcile_stripe_job.js'),
})

registerSchedule(async () => {
  const { default: ReconcileStripeJob } = await import('./reconcile_stripe_job.js')
  await ReconcileStripeJob.schedule()
})

// Delivery: invoice PDFs (re-rendered when the invoice changes), the invoice email once per send, the reminder run.
registerJobs({
  'billing.render_invoice_pdf': () => import('./render_invoice_pdf_job.js'),
  'billing.send_invoice_email': () => import('./send_invoice_email_job.js'),
  'billing.invoice_reminders': () => import('./invoice_reminders_job.js'),
})
