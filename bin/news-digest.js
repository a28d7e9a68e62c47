#!/usr/bin/env node
// The package bin. Node >= 22.18 runs our TypeScript directly (type stripping), so `npx news-digest`
// works right after `npm ci` with no build step.
import '../src/cli/main.ts';
