#!/usr/bin/env node
// The board-pack command: registers tsx so the TypeScript command line runs as it is, without a build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
await main();
