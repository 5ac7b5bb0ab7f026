import { test } from '@japa/runner'
import { generateSecretToken, hashSecretToken } from '#core/security/secret_token'

test.group('Secret link tokens', () => {
  test('carry 256 random bits and store only their SHA-256', ({ assert }) => {
    const { token, hash } = generateSecretToken()
    assert.equal(Buffer.from(token, 'base64url').length, 32)
    assert.match(hash, /^[0-9a-f]{64}$/)
    assert.notInclude(hash, token)
    assert.equal(hashSecretToken(token), hash)
  })

  test('are never repeated', ({ assert }) => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateSecretToken().token))
    assert.equal(tokens.size, 1000)
  })
})
