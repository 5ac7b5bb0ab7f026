import vine from '@vinejs/vine'

/** Like `in`, without echoing every allowed value back in the error (hundreds of zones or currencies). */
export const oneOf = vine.createRule((value, options: { allowed: Set<string>; message: string }, field) => {
  if (typeof value !== 'string' || !options.allowed.has(value)) field.report(options.message, 'oneOf', field)
})
