import Stripe from 'stripe'
import env from '#start/env'

let client: Stripe | null | undefined

/**
 * The Stripe SDK, or null when `STRIPE_SECRET_KEY` is unset (payments are
 * then recorded by hand). `STRIPE_API_HOST` / `_PORT` / `_PROTOCOL` point the
 * SDK elsewhere — tests aim it at a local stub server.
 */
export function stripeClient(): Stripe | null {
  if (client !== undefined) return client
  const key = env.get('STRIPE_SECRET_KEY')
  client = key
    ? new Stripe(key, {
        host: env.get('STRIPE_API_HOST'),
        port: env.get('STRIPE_API_PORT'),
        protocol: env.get('STRIPE_API_PROTOCOL'),
        maxNetworkRetries: 2,
        timeout: 10_000,
      })
    : null
  return client
}

/** Tests switch Stripe on and off (and at another stub) between groups. */
export function resetStripeClient() {
  client = undefined
}
