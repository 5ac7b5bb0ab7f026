import Stripe from 'stripe'

/** What a Stripe event is about, on our side: the agency and the invoice its metadata names. */
export interface EventTarget {
  agencyId: string
  invoiceId: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The events whose effect re-reads Stripe and writes the ledger. Any other
 * type that still names one of our invoices is stored and marked processed
 * with no effect.
 */
export const APPLIED_EVENT_TYPES = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
  'charge.refund.updated',
  'refund.created',
  'refund.updated',
  'refund.failed',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
])

/** A Stripe reference that may be an id or an expanded object. */
export function stripeId(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) return value
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id
  return null
}

export function targetFromMetadata(metadata: unknown): EventTarget | null {
  if (!metadata || typeof metadata !== 'object') return null
  const { agency_id: agencyId, invoice_id: invoiceId } = metadata as Record<string, unknown>
  if (typeof agencyId !== 'string' || typeof invoiceId !== 'string') return null
  if (!UUID.test(agencyId) || !UUID.test(invoiceId)) return null
  return { agencyId: agencyId.toLowerCase(), invoiceId: invoiceId.toLowerCase() }
}

/** Stripe's "no such object" (404) reads as null; any other failure is thrown (the caller answers 503 and Stripe retries). */
export async function retrieveOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError && error.statusCode === 404) return null
    throw error
  }
}

/**
 * The invoice an event is about. Checkout sessions and payment intents carry
 * `{ invoice_id, agency_id }` in their metadata (see checkout.ts); charges,
 * refunds and disputes lead to their payment intent, which Stripe is asked for.
 */
export async function eventTarget(stripe: Stripe, event: Stripe.Event): Promise<EventTarget | null> {
  const object = (event.data as { object?: unknown } | undefined)?.object as Record<string, unknown> | undefined
  if (!object || typeof object !== 'object') return null
  const direct = targetFromMetadata(object.metadata)
  if (direct) return direct
  if (object.object === 'payment_intent' || object.object === 'checkout.session') return null

  let intentId = stripeId(object.payment_intent)
  const chargeId = object.object === 'charge' ? stripeId(object.id) : stripeId(object.charge)
  if (!intentId && chargeId) {
    const charge = await retrieveOrNull(() => stripe.charges.retrieve(chargeId))
    const fromCharge = targetFromMetadata(charge?.metadata)
    if (fromCharge) return fromCharge
    intentId = stripeId(charge?.payment_intent)
  }
  if (!intentId) return null
  const intent = await retrieveOrNull(() => stripe.paymentIntents.retrieve(intentId))
  return targetFromMetadata(intent?.metadata)
}
