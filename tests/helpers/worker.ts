import { spawn, type ChildProcess } from 'node:child_process'
import app from '@adonisjs/core/services/app'

/**
 * The queue worker as its own process (`node ace queue:listen`), as in
 * production: a job the test process dispatches must be run by it.
 */
class WorkerProcess {
  #child: ChildProcess | null = null

  async start() {
    this.#child = spawn(process.execPath, ['ace.js', 'queue:listen'], {
      cwd: app.appRoot.pathname,
      env: { ...process.env, NODE_ENV: 'test' },
      // The IPC channel closes when this process ends, however it ends: the worker then stops too.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    // Give it time to connect before the first job is queued; jobs wait in Redis meanwhile anyway.
    await new Promise((r) => setTimeout(r, 500))
  }

  async stop() {
    const child = this.#child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
}

export const worker = new WorkerProcess()
