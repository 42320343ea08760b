#!/usr/bin/env node
// Owns the `sheaf` bin (package.json): loads the TypeScript command through tsx, as `npm run web` runs the host.
import { register } from 'tsx/esm/api';

register();
await import('./sheaf/main.ts');
