import type { PaceOptions } from './commands/pace';
import path from 'node:path';
import { DEFAULT_KEEP_LOADED_MS } from './extensions/KeepLoaded';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Token-signing secret; when absent one is generated once and kept in the store. */
  secret: string | null;
  /** Seed the demo board and demo users into an empty store. */
  demo: boolean;
  /** Allow `POST /api/test/clock` to move time forward (tests and demos only). */
  fakeClock: boolean;
  /** Lifetime of login tokens. */
  tokenTtlMs: number;
  /** Where the built client lives; served at `/`. */
  clientDir: string | null;
  /** Log one line per notable event. */
  quiet: boolean;
  /** Postgres instead of the embedded SQLite file (postgres://…). */
  databaseUrl?: string | null;
  /** Redis for several server processes sharing boards (redis://…). */
  redisUrl?: string | null;
  /** How often SLA clocks are checked (ms); 0 checks only when the fake clock moves. */
  slaIntervalMs?: number;
  /** Channel prefix in Redis; deployments sharing one Redis server need different ones. */
  redisPrefix?: string;
  /** Fold a document's update log into its snapshot after this many appended updates. */
  compactEvery?: number;
  /** How long a board stays loaded after its last connection closed (ms; 0 unloads it at once). */
  keepLoadedMs?: number;
  /** When a busy board's commands are gathered into one batch (see BatchPace; tests tune it, deployments keep the defaults). */
  pace?: Partial<PaceOptions>;
}

export class ConfigError extends Error {}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got '${value}'`);
  return n;
}

function databaseUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^postgres(ql)?:\/\//.test(value)) throw new ConfigError('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite file)');
  return value;
}

function redisUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^rediss?:\/\//.test(value)) throw new ConfigError('REDIS_URL must be a redis:// URL');
  return value;
}

function redisPrefix(value: string | undefined): string {
  if (!value) return 'baton';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) throw new ConfigError('BATON_REDIS_PREFIX may use letters, digits, _ . - (at most 64)');
  return value;
}

/** Reads the configuration from environment variables (see README, "Configuration"). */
export function configFromEnv(env: NodeJS.ProcessEnv, repoRoot: string): Config {
  const fakeClock = env.BATON_FAKE_CLOCK === '1';
  if (fakeClock && env.NODE_ENV === 'production') {
    throw new ConfigError('BATON_FAKE_CLOCK=1 is for tests and demos and is refused when NODE_ENV=production');
  }
  const secret = env.BATON_SECRET && env.BATON_SECRET.length > 0 ? env.BATON_SECRET : null;
  if (secret !== null && secret.length < 16) throw new ConfigError('BATON_SECRET must be at least 16 characters');
  return {
    port: int('PORT', env.PORT, 8080),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.BATON_DATA_DIR || path.join(repoRoot, 'data')),
    secret,
    demo: env.BATON_DEMO !== '0',
    fakeClock,
    tokenTtlMs: int('BATON_TOKEN_TTL_HOURS', env.BATON_TOKEN_TTL_HOURS, 12) * 3600_000,
    clientDir: path.join(repoRoot, 'client', 'dist'),
    quiet: env.BATON_QUIET === '1',
    databaseUrl: databaseUrl(env.DATABASE_URL),
    redisUrl: redisUrl(env.REDIS_URL),
    slaIntervalMs: int('BATON_SLA_INTERVAL_MS', env.BATON_SLA_INTERVAL_MS, 30_000),
    redisPrefix: redisPrefix(env.BATON_REDIS_PREFIX),
    compactEvery: Math.max(1, int('BATON_COMPACT_EVERY', env.BATON_COMPACT_EVERY, 500)),
    keepLoadedMs: int('BATON_KEEP_LOADED_SECONDS', env.BATON_KEEP_LOADED_SECONDS, DEFAULT_KEEP_LOADED_MS / 1000) * 1000,
  };
}
