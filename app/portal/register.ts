/*
| The portal plugs into the modules below it.
*/
