import { test } from '@japa/runner'

test.group('Health', () => {
  test('reports the database and Redis as ok', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBody({ status: 'ok', db: 'ok', redis: 'ok' })
  })
})
