/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for running ace commands
|--------------------------------------------------------------------------
| TypeScript source is compiled on the fly in development by ts-node.
*/
import 'ts-node-maintained/register/esm'
await import('./bin/console.js')
