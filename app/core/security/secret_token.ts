import { createHash, randomBytes } from 'node:crypto'

/** A 256-bit random token for a link; only its SHA-256 is stored. */
export function generateSecretToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashSecretToken(token) }
}

export function hashSecretToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}
