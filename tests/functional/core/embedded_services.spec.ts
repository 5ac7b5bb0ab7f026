import { test } from '@japa/runner'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { freePort } from '#bin/embedded_services'
import { PASSWORD } from '#tests/helpers/factories'

/** The environment of a fresh clone: no service URLs, no key; its own ports and storage folder. */
async function freshEnvironment(storage: string) {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'APP_KEY', 'NODE_ENV', 'SMTP_HOST', 'SMTP_PORT']) delete env[name]
  return {
    ...env,
    STORAGE_DIR: storage,
    EMBEDDED_PG_PORT: String(await freePort()),
    EMBEDDED_REDIS_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
  }
}

function ace(args: string[], env: NodeJS.ProcessEnv) {
  return execFileSync(process.execPath, ['ace.js', ...args], { cwd: app.appRoot.pathname, env, encoding: 'utf8' })
}

/** Processes whose command line names the storage folder (postgres -D …, redis-server --dir …). */
function processesUsing(storage: string) {
  try {
    return execFileSync('pgrep', ['-af', storage], { encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

async function waitForHealth(port: string) {
  const until = Date.now() + 90_000
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok).catch(() => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error('the dev server did not answer /health')
}

test.group('Embedded PostgreSQL and Redis', () => {
  test('`npm run dev` serves on its own services, keeps data across restarts and leaves no process behind', async ({ assert }) => {
    const storage = mkdtempSync(join(tmpdir(), 'throughline-lifecycle-'))
    chmodSync(storage, 0o755)
    const env = await freshEnvironment(storage)
    try {
      const dev = spawn(process.execPath, ['ace.js', 'dev'], { cwd: app.appRoot.pathname, env, stdio: 'ignore' })
      await waitForHealth(env.PORT!)

      // Another command meanwhile reuses the running services.
      const created = JSON.parse(ace(['agency:create', 'Lifecycle Co', 'owner@lifecycle.test', `--password=${PASSWORD}`, '--json'], env).trim().split('\n').pop()!)
      const me = await fetch(`http://127.0.0.1:${env.PORT}/api/me`, { headers: { authorization: `Bearer ${created.token}` } })
      assert.equal(me.status, 200)
      const body = (await me.json()) as { agency: { id: string } }
      assert.equal(body.agency.id, created.agencyId)

      const exited = new Promise((resolve) => dev.once('exit', resolve))
      dev.kill('SIGTERM')
      await exited
      await new Promise((r) => setTimeout(r, 1500))
      assert.equal(processesUsing(storage), '', 'postgres or redis left running after the dev server stopped')

      // Started again (by a command this time): the agency is still there.
      const member = JSON.parse(ace(['user:create', created.agencyId, 'member@lifecycle.test', `--password=${PASSWORD}`, '--json'], env).trim().split('\n').pop()!)
      assert.isString(member.userId)
      await new Promise((r) => setTimeout(r, 1500))
      assert.equal(processesUsing(storage), '', 'a command left its services running')
    } finally {
      if (processesUsing(storage)) execFileSync('pkill', ['-f', storage])
      rmSync(storage, { recursive: true, force: true })
    }
  }).timeout(180_000)
})
