// `npm run dev`: the server (restarting on change) plus Vite's dev server with hot reload.
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', 'collab-server/src/main.ts'], { stdio: 'inherit', env: { ...process.env, BATON_FAKE_CLOCK: process.env.BATON_FAKE_CLOCK ?? '1' } }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', stop);
