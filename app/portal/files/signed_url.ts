/*
| Deliverable files are served only through signed URLs that expire
| (PRODUCT.md §2 Portal: 7 days at most). The signature is the
| authorization — no session is needed to follow the link — so everything the
| download depends on is inside the signed payload: the deliverable, its
| agency (the look-up then runs as `system` of that agency only) and the
| expiry. An HMAC-SHA256 with a key derived from the app key; comparing in
| constant time. Changing any byte of the id, agency, expiry or signature
| makes the link worthless.
*/
import { createHmac, timingSafeEqual } from 'node:crypto'
import { appKey, appUrl } from '#config/app'

/** A contact's Download button: a fresh link valid for an hour. */
export const PORTAL_LINK_SECONDS = 60 * 60
/** Staff share links: 1 to 7 days, never longer. */
export const MIN_SHARE_DAYS = 1
export const MAX_SHARE_DAYS = 7
export const MAX_LINK_SECONDS = MAX_SHARE_DAYS * 24 * 60 * 60
/** Clock slack for a link signed a moment ago on another process. */
const SLACK_SECONDS = 60

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const PURPOSE = 'throughline:deliverable-file:v1'

let derivedKey: Buffer | null = null
function signingKey() {
  derivedKey ??= createHmac('sha256', appKey.release()).update(PURPOSE).digest()
  return derivedKey
}

function payload(deliverableId: string, agencyId: string, expires: number) {
  return `${PURPOSE}\n${deliverableId}\n${agencyId}\n${expires}`
}

function sign(deliverableId: string, agencyId: string, expires: number) {
  return createHmac('sha256', signingKey()).update(payload(deliverableId, agencyId, expires)).digest('base64url')
}

export function deliverablePath(deliverableId: string) {
  return `/files/deliverables/${deliverableId}`
}

export interface SignedLink {
  /** Path and query, e.g. `/files/deliverables/…?agency=…&expires=…&signature=…`. */
  path: string
  /** Absolute, with APP_URL, for links that leave the app (emails, copied share links). */
  url: string
  expiresAt: Date
}

/** A link to the deliverable's file that works until `ttlSeconds` from now (at most 7 days). */
export function signDeliverableUrl(input: { deliverableId: string; agencyId: string; ttlSeconds: number; now?: number }): SignedLink {
  if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds < 1 || input.ttlSeconds > MAX_LINK_SECONDS) {
    throw new RangeError(`A file link lives 1 s to ${MAX_SHARE_DAYS} days, not ${input.ttlSeconds} s`)
  }
  const expires = Math.floor((input.now ?? Date.now()) / 1000) + input.ttlSeconds
  const query = new URLSearchParams({
    agency: input.agencyId,
    expires: String(expires),
    signature: sign(input.deliverableId, input.agencyId, expires),
  })
  const path = `${deliverablePath(input.deliverableId)}?${query.toString()}`
  const origin = appUrl.replace(/\/+$/, '')
  return { path, url: `${origin}${path}`, expiresAt: new Date(expires * 1000) }
}

export type SignedLinkCheck = { ok: true; deliverableId: string; agencyId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' }

/**
 * Whether a request's id and query carry a valid, unexpired signature. An
 * expiry further out than any link is ever signed for is refused too.
 */
export function verifyDeliverableUrl(deliverableId: string, query: Record<string, unknown>, now = Date.now()): SignedLinkCheck {
  const { agency, expires, signature } = query
  if (typeof agency !== 'string' || typeof expires !== 'string' || typeof signature !== 'string') return { ok: false, reason: 'invalid' }
  if (!UUID.test(deliverableId) || !UUID.test(agency) || !/^\d{1,12}$/.test(expires)) return { ok: false, reason: 'invalid' }
  const expected = Buffer.from(sign(deliverableId, agency, Number(expires)))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' }
  const seconds = Math.floor(now / 1000)
  if (Number(expires) <= seconds) return { ok: false, reason: 'expired' }
  if (Number(expires) > seconds + MAX_LINK_SECONDS + SLACK_SECONDS) return { ok: false, reason: 'invalid' }
  return { ok: true, deliverableId, agencyId: agency, expiresAt: new Date(Number(expires) * 1000) }
}
