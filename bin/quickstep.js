#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx, so `npx quickstep` works right after `npm ci`.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on every start that future releases will need Node 22; Lambda runs 22 already.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'NodeVersionSupportWarning' || String(warning).includes('NodeVersionSupportWarning')) return;
  emitWarning(warning, ...rest);
};

register();
await import('../src/cli/main.ts');
