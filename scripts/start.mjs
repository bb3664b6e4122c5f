#!/usr/bin/env node
// `npm start`: build whatever is missing (first run on a fresh clone), then serve UI + API + WebSocket.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  { workspace: 'shared-types', output: 'shared-types/dist/index.js' },
  { workspace: 'backend', output: 'backend/dist/backend/src/main.js' },
  { workspace: 'frontend', output: 'frontend/dist/browser/index.html' },
];

for (const step of steps) {
  if (existsSync(join(root, step.output))) continue;
  console.log(`Building ${step.workspace} (first start)…`);
  const result = spawnSync(npm, ['run', 'build', '-w', step.workspace], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'backend/dist/backend/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
