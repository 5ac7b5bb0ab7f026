import { test } from '@japa/runner'
import { isLocalPath } from '#core/http/staff_session'

test.group('Return path after sign-in', () => {
  test('accepts paths on this site only', ({ assert }) => {
    for (const path of ['/dashboard', '/settings/team?tab=members', '/']) assert.isTrue(isLocalPath(path), path)
    for (const path of ['//evil.example', '/\\evil.example', 'https://evil.example', 'dashboard', '', null, 42]) {
      assert.isFalse(isLocalPath(path), String(path))
    }
  })
})
