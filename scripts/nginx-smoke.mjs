// `npm run nginx-smoke`: the nginx example (docs/ops/nginx.conf) in front of two Baton
// processes on loopback ports, over PostgreSQL and Redis. Checks through nginx: /api/health,
// login, a websocket client that syncs the board and gets a command acknowledged, a move made
// on process A's own port showing up on that client, an upload near the 10 MB limit, and
// requests still answered after process B is killed. An optional operations check, not part
// of `npm test`: without nginx (or PostgreSQL, or Redis) it says why and skips (exit 0).
// Env: DATABASE_URL (an existing database to create a scratch one next to; default
// postgres://postgres@127.0.0.1:5432/test), REDIS_URL (default redis://127.0.0.1:6379).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import IORedis from 'ioredis';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cleanups = [];
let checks = 0;

function skip(why) {
  console.log(`nginx-smoke: skipped: ${why}`);
  process.exit(0);
}

function ok(what) {
  checks++;
  console.log(`  ok  ${what}`);
}

async function waitFor(check, timeoutMs, what) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

async function freePort() {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

function nginxBinary() {
  for (const candidate of [process.env.NGINX, 'nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx'].filter(Boolean)) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      /* not this one */
    }
  }
  return null;
}

/** The example config with this run's ports, wrapped in a main config that keeps every file in `dir`. */
function nginxConfig(dir, listenPort, upstreams) {
  let site = readFileSync(path.join(root, 'docs', 'ops', 'nginx.conf'), 'utf8');
  const servers = site.match(/^\s*server 127\.0\.0\.1:\d+ .*;$/gm) ?? [];
  if (servers.length < 2) throw new Error('docs/ops/nginx.conf: expected two "server 127.0.0.1:PORT ..." lines in the upstream');
  site = site.replace(servers.join('\n'), upstreams.map((p) => servers[0].replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${p}`)).join('\n'));
  if (!/^\s*listen 80;$/m.test(site)) throw new Error('docs/ops/nginx.conf: expected a "listen 80;" line');
  site = site.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${listenPort};`);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub), { recursive: true });
  return `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`;
}

function startProcess(cmd, args, env, label) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((r) => child.once('exit', r));
  const kill = (signal = 'SIGKILL') => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* gone */
    }
  };
  cleanups.push(async () => {
    kill();
    await exited;
  });
  return { child, label, exited, kill, output: () => output };
}

async function json(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

function connectBoard(baseUrl, token) {
  const doc = new Y.Doc();
  const answers = new Map();
  const socket = new HocuspocusProviderWebsocket({ url: `${baseUrl.replace(/^http/, 'ws')}/collab`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: 'board:demo',
    document: doc,
    token,
    onStateless: ({ payload }) => {
      const m = JSON.parse(payload);
      if ((m.type === 'ack' || m.type === 'reject') && answers.has(m.id)) answers.get(m.id)(m);
    },
  });
  provider.attach();
  cleanups.push(async () => {
    provider.destroy();
    socket.destroy();
  });
  const card = (id) => doc.getMap('cards').get(id)?.toJSON() ?? null;
  const cards = () => [...doc.getMap('cards').entries()].map(([id, m]) => ({ id, ...m.toJSON() }));
  const send = (command) => {
    const id = randomUUID();
    const answer = new Promise((resolve) => answers.set(id, resolve));
    provider.sendStateless(JSON.stringify({ ...command, id }));
    return Promise.race([answer, sleep(10_000).then(() => ({ type: 'timeout' }))]);
  };
  return { provider, doc, card, cards, send };
}

async function main() {
  const nginx = nginxBinary();
  if (!nginx) skip('nginx is not installed (e.g. apt-get install nginx-light); this check is optional');
  const pgProbe = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  pgProbe.on('error', () => undefined);
  try {
    await pgProbe.connect();
  } catch (error) {
    skip(`PostgreSQL at ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable (${error.message})`);
  }
  const redis = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    await pgProbe.end();
    skip(`Redis at ${REDIS_URL} is unreachable (${error.message})`);
  } finally {
    redis.disconnect();
  }

  const tag = randomBytes(4).toString('hex');
  const database = `baton_nginx_${tag}`;
  await pgProbe.query(`CREATE DATABASE ${database}`);
  cleanups.push(async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).finally(() => admin.end());
  });
  await pgProbe.end();
  const dbUrl = new URL(DATABASE_URL);
  dbUrl.pathname = `/${database}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'baton-nginx-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));

  const version = spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '');
  console.log(`nginx-smoke: ${version || 'nginx'} in front of two Baton processes`);
  const [portA, portB, portN] = [await freePort(), await freePort(), await freePort()];
  const env = { DATABASE_URL: dbUrl.toString(), REDIS_URL, BATON_REDIS_PREFIX: `nginx-smoke-${tag}`, BATON_SECRET: `nginx-smoke-secret-${tag}`, BATON_QUIET: '1', HOST: '127.0.0.1', BATON_FAKE_CLOCK: '' };
  const baton = (port, label) => startProcess(process.execPath, ['--import', 'tsx', 'collab-server/src/main.ts'], { ...env, PORT: String(port) }, label);
  const a = baton(portA, 'A');
  const b = baton(portB, 'B');
  for (const [p, port] of [[a, portA], [b, portB]]) {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) || (p.child.exitCode !== null && Promise.reject(new Error(`Baton ${p.label} exited:\n${p.output()}`))), 60_000, `Baton ${p.label} to answer`);
  }
  ok(`two Baton processes on :${portA} and :${portB} (PostgreSQL ${database}, Redis prefix nginx-smoke-${tag})`);

  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig(dir, portN, [portA, portB]));
  execFileSync(nginx, ['-t', '-q', '-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], { stdio: 'inherit' });
  const proxy = startProcess(nginx, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], {}, 'nginx');
  const via = `http://127.0.0.1:${portN}`;
  await waitFor(async () => (await fetch(`${via}/api/health`).then((r) => r.status, () => 0)) === 200 || (proxy.child.exitCode !== null && Promise.reject(new Error(`nginx exited:\n${proxy.output()}\n${readFileSync(path.join(dir, 'error.log'), 'utf8')}`))), 15_000, 'nginx to answer');
  ok(`nginx on :${portN} with docs/ops/nginx.conf (ports substituted)`);

  const health = await json(`${via}/api/health`);
  if (health.status !== 200 || health.body.ok !== true || health.body.store?.kind !== 'postgres' || health.body.redis?.ok !== true) throw new Error(`health through nginx: ${JSON.stringify(health)}`);
  ok(`GET /api/health through nginx: ${JSON.stringify(health.body)}`);

  const login = await json(`${via}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: 'demo' }) });
  if (login.status !== 200 || typeof login.body.token !== 'string') throw new Error(`login through nginx: ${JSON.stringify(login)}`);
  const token = login.body.token;
  ok('POST /api/login through nginx');

  const viaNginx = connectBoard(via, token);
  await waitFor(() => viaNginx.provider.isSynced && viaNginx.cards().length >= 40, 15_000, 'the websocket client through nginx to sync the board');
  ok(`websocket through nginx: board synced (${viaNginx.cards().length} cards)`);
  const target = viaNginx.cards().find((c) => c.stage === 'quote');
  const nextStep = `through nginx ${tag}`;
  const answer = await viaNginx.send({ type: 'updateCard', cardId: target.id, fields: { nextStep } });
  if (answer.type !== 'ack') throw new Error(`command through nginx: ${JSON.stringify(answer)}`);
  await waitFor(() => viaNginx.card(target.id)?.nextStep === nextStep, 5000, 'the command’s change');
  ok('command through nginx acknowledged and applied');

  const direct = connectBoard(`http://127.0.0.1:${portA}`, token);
  await waitFor(() => direct.provider.isSynced, 15_000, 'a client on process A to sync');
  const moved = await direct.send({ type: 'moveCard', cardId: target.id, toStage: 'lead', reason: 'nginx smoke test' });
  if (moved.type !== 'ack') throw new Error(`move on process A: ${JSON.stringify(moved)}`);
  await waitFor(() => viaNginx.card(target.id)?.stage === 'lead', 5000, 'the move made on process A to reach the client behind nginx');
  ok('a move made on process A’s own port shows on the client connected through nginx');

  const size = 10 * 1024 * 1024 - 64 * 1024;
  const form = new FormData();
  form.append('kind', 'screenshot');
  form.append('file', new Blob([new Uint8Array(size)], { type: 'image/png' }), 'large.png');
  const upload = await json(`${via}/api/boards/demo/cards/${target.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (upload.status !== 201) throw new Error(`a ${size}-byte upload through nginx: ${JSON.stringify(upload).slice(0, 300)}`);
  ok(`a ${(size / 1024 / 1024).toFixed(1)} MB upload through nginx (client_max_body_size 11m)`);

  b.kill();
  await b.exited;
  for (let i = 0; i < 6; i++) {
    const r = await json(`${via}/api/health`);
    if (r.status !== 200) throw new Error(`after killing process B, request ${i + 1} through nginx answered ${r.status}`);
  }
  await waitFor(() => viaNginx.provider.isSynced && viaNginx.card(target.id)?.stage === 'lead', 15_000, 'the nginx client to be back in sync after B was killed');
  const after = await viaNginx.send({ type: 'updateCard', cardId: target.id, fields: { nextStep: `${nextStep} after failover` } });
  if (after.type !== 'ack') throw new Error(`command after killing B: ${JSON.stringify(after)}`);
  ok('process B killed: nginx keeps answering, and the websocket client reconnects and gets a command acknowledged');
}

let failed = false;
try {
  await main();
  console.log(`nginx-smoke: ok (${checks} checks)`);
} catch (error) {
  failed = true;
  console.error(`nginx-smoke: FAILED after ${checks} checks: ${error.stack ?? error}`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(`cleanup: ${e.message}`));
}
process.exit(failed ? 1 : 0);
