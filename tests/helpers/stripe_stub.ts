import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { resetStripeClient } from '#billing/stripe/stripe_client'

/*
| A small Stripe API on 127.0.0.1 for the tests, reached by the real `stripe`
| SDK through STRIPE_API_HOST / _PORT / _PROTOCOL — from this process and from
| the separately started queue worker (tests/bootstrap.ts starts it before the
| worker, so the worker inherits its address). It holds a mutable "truth" the
| tests change (a payment succeeds, a refund, a dispute won or lost) and
| serves the endpoints the app calls:
|
|   POST /v1/checkout/sessions            GET /v1/checkout/sessions/:id
|   GET  /v1/payment_intents/:id          GET /v1/charges/:id
|   GET  /v1/refunds?charge=|payment_intent=   GET /v1/refunds/:id
|   GET  /v1/disputes?charge=|payment_intent=  GET /v1/disputes/:id
*/

type Json = Record<string, any>

export const STUB_SECRET_KEY = 'sk_test_throughline_stub'
export const STUB_WEBHOOK_SECRET = 'whsec_throughline_stub'

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`
const now = () => Math.floor(Date.now() / 1000)
const copy = <T>(value: T): T => structuredClone(value)

/** `a[b][0][c]=1` → `{ a: { b: [{ c: '1' }] } }` (what the SDK form-encodes). */
function parseForm(body: string): Json {
  const out: Json = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '')
    let node: any = out
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value
      else node = node[part] ??= /^\d+$/.test(path[index + 1]) ? [] : {}
    })
  }
  return out
}

class StripeStub {
  #server: Server | null = null
  port = 0
  readonly intents = new Map<string, Json>()
  readonly charges = new Map<string, Json>()
  readonly refunds = new Map<string, Json>()
  readonly disputes = new Map<string, Json>()
  readonly sessions = new Map<string, Json>()
  readonly #idempotent = new Map<string, Json>()
  /** Requests served, by "METHOD /path" (without the query string). */
  readonly requests: string[] = []
  /** While set, every request answers this status (Stripe unreachable or failing). */
  failWith: number | null = null

  async start() {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error) => this.#send(res, 500, { error: { type: 'api_error', message: String(error) } }))
    })
    this.#server.keepAliveTimeout = 30_000
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.#server.address() as AddressInfo).port
  }

  async stop() {
    const server = this.#server
    this.#server = null
    if (!server) return
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }

  /** Points this process's environment (and so the worker, started after) at the stub. */
  exportEnv() {
    process.env.STRIPE_SECRET_KEY = STUB_SECRET_KEY
    process.env.STRIPE_WEBHOOK_SECRET = STUB_WEBHOOK_SECRET
    process.env.STRIPE_API_HOST = '127.0.0.1'
    process.env.STRIPE_API_PORT = String(this.port)
    process.env.STRIPE_API_PROTOCOL = 'http'
    resetStripeClient()
  }

  // ---- the truth, as tests change it ----------------------------------------------------------

  /** A payment intent for an invoice (what a Checkout session creates), not paid yet. */
  createIntent(fields: { amount: number; currency?: string; metadata?: Record<string, string> }) {
    const intent = {
      id: newId('pi'),
      object: 'payment_intent',
      amount: fields.amount,
      amount_received: 0,
      currency: (fields.currency ?? 'usd').toLowerCase(),
      status: 'requires_payment_method',
      metadata: fields.metadata ?? {},
      latest_charge: null as string | null,
      last_payment_error: null as Json | null,
      created: now(),
      livemode: false,
    }
    this.intents.set(intent.id, intent)
    return copy(intent)
  }

  /** The payment goes through: a charge for the whole amount. */
  succeed(intentId: string) {
    const intent = this.#get(this.intents, intentId)
    const charge = {
      id: newId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      refunded: false,
      disputed: false,
      currency: intent.currency,
      payment_intent: intent.id,
      status: 'succeeded',
      metadata: {},
      created: now(),
    }
    this.charges.set(charge.id, charge)
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: charge.id, last_payment_error: null })
    return copy(charge)
  }

  /** A declined attempt: the intent waits for another payment method. */
  fail(intentId: string, message = 'Your card was declined.') {
    const intent = this.#get(this.intents, intentId)
    Object.assign(intent, { status: 'requires_payment_method', last_payment_error: { code: 'card_declined', message } })
    return copy(intent)
  }

  refund(chargeId: string, amount: number, status: 'succeeded' | 'pending' | 'failed' = 'succeeded') {
    const charge = this.#get(this.charges, chargeId)
    const refund = {
      id: newId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      currency: charge.currency,
      status,
      created: now(),
    }
    this.refunds.set(refund.id, refund)
    this.#refundTotals(charge)
    return copy(refund)
  }

  setRefundStatus(refundId: string, status: 'succeeded' | 'pending' | 'failed' | 'canceled') {
    const refund = this.#get(this.refunds, refundId)
    refund.status = status
    this.#refundTotals(this.#get(this.charges, refund.charge))
    return copy(refund)
  }

  dispute(chargeId: string, status = 'needs_response', amount?: number) {
    const charge = this.#get(this.charges, chargeId)
    const dispute = {
      id: newId('dp'),
      object: 'dispute',
      amount: amount ?? charge.amount,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      currency: charge.currency,
      status,
      reason: 'fraudulent',
      created: now(),
    }
    this.disputes.set(dispute.id, dispute)
    charge.disputed = true
    return copy(dispute)
  }

  setDisputeStatus(disputeId: string, status: string) {
    const dispute = this.#get(this.disputes, disputeId)
    dispute.status = status
    return copy(dispute)
  }

  /** A Checkout session as `checkout.session.completed` carries it. */
  sessionFor(intentId: string) {
    const session = [...this.sessions.values()].find((s) => s.payment_intent === intentId)
    if (session) return copy(session)
    const intent = this.#get(this.intents, intentId)
    return {
      id: newId('cs_test'),
      object: 'checkout.session',
      payment_intent: intentId,
      metadata: intent.metadata,
      amount_total: intent.amount,
      currency: intent.currency,
      mode: 'payment',
      status: intent.status === 'succeeded' ? 'complete' : 'open',
      payment_status: intent.status === 'succeeded' ? 'paid' : 'unpaid',
      created: now(),
    }
  }

  /** An event as Stripe would send it, with a snapshot of the object (the app must not trust it). */
  event(type: string, object: Json, id = newId('evt')) {
    return {
      id,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: now(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: copy(object) },
    }
  }

  // ---- HTTP --------------------------------------------------------------------------------

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://stub')
    const method = req.method ?? 'GET'
    this.requests.push(`${method} ${url.pathname}`)
    if (this.failWith) return this.#send(res, this.failWith, { error: { type: 'api_error', message: 'Stub failure' } })
    if (req.headers.authorization !== `Bearer ${STUB_SECRET_KEY}`) {
      return this.#send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })
    }
    const parts = url.pathname.split('/').filter(Boolean) // ['v1', resource, id?]
    const [, resource, id] = parts
    const query = url.searchParams

    if (method === 'POST' && resource === 'checkout' && parts[2] === 'sessions' && parts.length === 3) {
      const key = req.headers['idempotency-key']
      if (typeof key === 'string' && this.#idempotent.has(key)) return this.#send(res, 200, this.#idempotent.get(key)!)
      const session = this.#createSession(parseForm(Buffer.concat(chunks).toString('utf8')))
      if (typeof key === 'string') this.#idempotent.set(key, session)
      return this.#send(res, 200, session)
    }
    if (method !== 'GET') return this.#notFound(res, url.pathname)

    if (resource === 'checkout' && parts[2] === 'sessions' && parts[3]) return this.#one(res, this.sessions, parts[3])
    if (resource === 'payment_intents' && id) return this.#one(res, this.intents, id)
    if (resource === 'charges' && id) return this.#one(res, this.charges, id)
    if (resource === 'refunds' && id) return this.#one(res, this.refunds, id)
    if (resource === 'disputes' && id) return this.#one(res, this.disputes, id)
    if (resource === 'refunds' || resource === 'disputes') {
      const source = resource === 'refunds' ? this.refunds : this.disputes
      const data = [...source.values()]
        .filter((row) => (!query.get('charge') || row.charge === query.get('charge')) && (!query.get('payment_intent') || row.payment_intent === query.get('payment_intent')))
        .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1))
      return this.#send(res, 200, { object: 'list', data, has_more: false, url: `/v1/${resource}` })
    }
    return this.#notFound(res, url.pathname)
  }

  #createSession(params: Json) {
    const items: Json[] = params.line_items ?? []
    const amount = items.reduce((sum, item) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1), 0)
    const currency = items[0]?.price_data?.currency ?? 'usd'
    const intent = this.createIntent({ amount, currency, metadata: params.payment_intent_data?.metadata ?? {} })
    const id = newId('cs_test')
    const session = {
      id,
      object: 'checkout.session',
      mode: params.mode ?? 'payment',
      client_reference_id: params.client_reference_id ?? null,
      amount_total: amount,
      currency,
      metadata: params.metadata ?? {},
      payment_intent: intent.id,
      payment_status: 'unpaid',
      status: 'open',
      success_url: params.success_url ?? null,
      cancel_url: params.cancel_url ?? null,
      url: `http://127.0.0.1:${this.port}/pay/${id}`,
      created: now(),
    }
    this.sessions.set(id, session)
    return session
  }

  #refundTotals(charge: Json) {
    const succeeded = [...this.refunds.values()].filter((r) => r.charge === charge.id && r.status === 'succeeded')
    charge.amount_refunded = succeeded.reduce((sum, r) => sum + r.amount, 0)
    charge.refunded = charge.amount_refunded >= charge.amount
  }

  #get(map: Map<string, Json>, id: string) {
    const row = map.get(id)
    if (!row) throw new Error(`Stripe stub: no ${id}`)
    return row
  }

  #one(res: ServerResponse, map: Map<string, Json>, id: string) {
    const row = map.get(id)
    return row ? this.#send(res, 200, row) : this.#notFound(res, id)
  }

  #notFound(res: ServerResponse, what: string) {
    this.#send(res, 404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such object: '${what}'` } })
  }

  #send(res: ServerResponse, status: number, body: Json) {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'request-id': newId('req') })
    res.end(text)
  }
}

export const stripeStub = new StripeStub()

export interface PostedEvent {
  status: number
  body: any
}

/**
 * Posts an event to the app's real endpoint, signed as Stripe signs it
 * (`stripe.webhooks.generateTestHeaderString`), over the exact bytes sent.
 * `timestamp` (unix seconds) ages the signature; `signature: null` sends none;
 * `tamper` changes the body after signing.
 */
export async function postStripeEvent(
  event: object,
  options: { secret?: string; timestamp?: number; signature?: string | null; tamper?: (payload: string) => string } = {}
): Promise<PostedEvent> {
  const payload = JSON.stringify(event, null, 2)
  const secret = options.secret ?? process.env.STRIPE_WEBHOOK_SECRET ?? STUB_WEBHOOK_SECRET
  const signature =
    options.signature === undefined ? Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp }) : options.signature
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (signature !== null) headers['stripe-signature'] = signature
  const response = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/webhooks/stripe`, {
    method: 'POST',
    headers,
    body: options.tamper ? options.tamper(payload) : payload,
  })
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: response.status, body }
}
