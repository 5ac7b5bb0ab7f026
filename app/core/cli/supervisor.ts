import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Runs the web server and the queue worker as children and stops them
 * together. Each child gets its own process group, so a SIGINT reaches
 * grandchildren too (`ace serve` runs the server as its own child, which
 * would be orphaned by a SIGTERM to `ace serve` alone).
 */
export class Supervisor {
  #children: ChildProcess[] = []
  #stopping = false

  run(command: string, args: string[], cwd: string) {
    const child = spawn(command, args, { cwd, stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: process.env, detached: true })
    this.#children.push(child)
    child.once('exit', (code) => {
      if (!this.#stopping) {
        console.error(`${args.join(' ')} exited with code ${code}; stopping`)
        void this.stop()
      }
    })
    return child
  }

  async runToCompletion(command: string, args: string[], cwd: string) {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: process.env })
    const code: number = await new Promise((done) => child.once('exit', (c) => done(c ?? 1)))
    if (code !== 0) throw new Error(`${args.join(' ')} failed with exit code ${code}`)
  }

  /** Resolves once every child has exited. */
  async stop() {
    if (this.#stopping) return this.#done()
    this.#stopping = true
    for (const child of this.#children) {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGINT')
        } catch {}
      }
    }
    const force = setTimeout(() => {
      for (const child of this.#children) if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL')
    }, 15_000)
    await this.#done()
    clearTimeout(force)
  }

  #done() {
    return Promise.all(
      this.#children.map((child) => (child.exitCode !== null || child.signalCode ? null : new Promise((r) => child.once('exit', r))))
    )
  }

  untilSignal() {
    return new Promise<void>((resolve) => {
      const onSignal = () => this.stop().then(() => resolve())
      process.once('SIGINT', onSignal)
      process.once('SIGTERM', onSignal)
      process.once('SIGHUP', onSignal)
      const poll = setInterval(() => {
        if (this.#stopping) {
          clearInterval(poll)
          this.#done().then(() => resolve())
        }
      }, 250)
    })
  }
}
