import env from '#start/env'
import Invoice from '#billing/models/invoice'
import { stripeClient } from '#billing/stripe/stripe_client'

/**
 * The hosted Checkout page for what is due on an invoice, or null without
 * Stripe. One session per invoice and amount (the idempotency key), with the
 * invoice and agency ids in the metadata of the session and of its payment
 * intent, so every webhook event leads back to the invoice.
 */
export async function ensureCheckoutSession(invoiceId: string): Promise<string | null> {
  const stripe = stripeClient()
  if (!stripe) return null
  const invoice = await Invoice.findOrFail(invoiceId)
  const due = Number(invoice.totalCents) - Number(invoice.amountPaidCents)
  if (due <= 0) return null
  const metadata = { invoice_id: invoice.id, agency_id: invoice.agencyId }
  const appUrl = env.get('APP_URL') ?? `http://localhost:${env.get('PORT') ?? 3333}`
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      client_reference_id: invoice.id,
      line_items: [
        {
          quantity: 1,
          price_data: { currency: invoice.currency.toLowerCase(), unit_amount: due, product_data: { name: `Invoice ${invoice.number}` } },
        },
      ],
      metadata,
      payment_intent_data: { metadata },
      // The contact returns to the invoice in the portal; the webhook, not this redirect, marks it paid.
      success_url: `${appUrl}/portal/invoices/${invoice.id}?payment=success`,
      cancel_url: `${appUrl}/portal/invoices/${invoice.id}?payment=cancelled`,
    },
    { idempotencyKey: `checkout-${invoice.id}-${due}` }
  )
  invoice.merge({ stripeCheckoutSessionId: session.id, stripeCheckoutUrl: session.url })
  await invoice.save()
  return session.url
}
