import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { browserClient } from '@japa/browser-client'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Config } from '@japa/runner/types'
import { launchChromium } from '#tests/helpers/chromium'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { worker } from '#tests/helpers/worker'
import { stripeStub } from '#tests/helpers/stripe_stub'

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  browserClient({ runInSuites: ['browser'], launcher: launchChromium }),
]

/**
 * Once per run: migrate the test database as the owner role, start a real
 * SMTP server on loopback and a queue worker in its own process.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    () => testUtils.db('owner').migrate(),
    () => mailCatcher.start(),
    // The Stripe stub, before the worker: the worker inherits the STRIPE_* env that points at it.
    async () => {
      await stripeStub.start()
      stripeStub.exportEnv()
      return () => stripeStub.stop()
    },
    // Cleanups run in reverse: the worker stops (finishing its jobs) before the migrations are rolled back.
    async () => {
      await worker.start()
      return () => worker.stop()
    },
  ],
  teardown: [() => mailCatcher.stop()],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
