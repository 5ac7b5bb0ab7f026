import app from '@adonisjs/core/services/app'
import edge from 'edge.js'

/** Email templates live beside the views, per module: `emails::<module>/<name>`. */
edge.mount('emails', app.makePath('resources/emails'))
