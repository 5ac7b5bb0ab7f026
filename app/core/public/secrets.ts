/** 256-bit random tokens for links and sessions, stored only as SHA-256 hashes. */
export { generateSecretToken, hashSecretToken } from '#core/security/secret_token'
