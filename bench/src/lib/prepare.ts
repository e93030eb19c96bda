/**
 * Board data for every peer: the generated board (cards, users), its Y.Doc update as a file
 * (y-websocket and stock Hocuspocus load it), and a Baton data directory seeded through the
 * command path. Seeding Baton is slow on big boards, so seeded directories are cached under
 * the OS temp dir, keyed by the source of the server packages and the seed parameters.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBoardUpdate, generateBoard, type BenchBoard } from './board';
import type { SeedReport } from './batonSeed';
import { REPO_ROOT, startServerProcess } from './child';

export const SECRET = 'bench-secret-bench-secret-bench-secret';
const SEED_VERSION = 4;

export interface PreparedBoard {
  cards: number;
  board: BenchBoard;
  update: Uint8Array;
  updateFile: string;
  /** Seeded Baton data directory (read-only: copy before use). */
  batonDir: string;
  seed: SeedReport | null;
}

/**
 * What a seeded board depends on: the database schema and the board document's layout.
 * Other server changes do not invalidate it (the server under test always runs the current
 * code on the copy; seeding 10,000 cards takes minutes). BENCH_RESEED=1 forces a new seed.
 */
const SEED_INPUTS = ['persistence/src/sqlite/migrations.ts', 'shared-types/src/ydoc', 'shared-types/src/model/card.ts', 'shared-types/src/model/stages.ts'];

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (full: string) => {
    if (statSync(full).isDirectory()) for (const name of readdirSync(full).sort()) walk(path.join(full, name));
    else if (/\.ts$/.test(full) && !/\.test\.ts$/.test(full)) hash.update(path.relative(REPO_ROOT, full)).update(readFileSync(full));
  };
  for (const input of SEED_INPUTS) walk(path.join(REPO_ROOT, input));
  return hash.digest('hex').slice(0, 16);
}

export class Boards {
  private readonly cache = new Map<number, PreparedBoard>();
  readonly workDir = mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
  private readonly cacheRoot = path.join(os.tmpdir(), 'baton-bench-cache');
  private readonly srcHash = sourceHash();

  constructor(
    readonly users: number,
    private readonly log: (line: string) => void,
  ) {}

  private batonCacheDir(cards: number): string {
    return path.join(this.cacheRoot, `v${SEED_VERSION}-${this.srcHash}-${cards}c-${this.users}u`);
  }

  private readonly seeded = new Set<number>();

  /** How long seeding took, per board size used in this run (from the cache). */
  seedReports(): SeedReport[] {
    return [...this.seeded]
      .sort((a, b) => a - b)
      .map((n) => path.join(this.batonCacheDir(n), 'seed.json'))
      .filter((f) => existsSync(f))
      .map((f) => JSON.parse(readFileSync(f, 'utf8')) as SeedReport);
  }

  /** Seeds the Baton boards that are not cached yet, two at a time (one per core). */
  async seedAll(sizes: number[]): Promise<void> {
    sizes.forEach((n) => this.seeded.add(n));
    const reseed = process.env.BENCH_RESEED === '1';
    const missing = sizes.filter((n) => reseed || !existsSync(path.join(this.batonCacheDir(n), 'seed.json')));
    for (let i = 0; i < missing.length; i += 2) {
      await Promise.all(missing.slice(i, i + 2).map((n, k) => this.seedBaton(n, k === 0 ? 1 : 0)));
    }
  }

  /** Drops cached boards seeded from other server sources (they can never be used again). */
  private pruneCache(): void {
    if (!existsSync(this.cacheRoot)) return;
    for (const name of readdirSync(this.cacheRoot)) {
      if (!name.includes(`-${this.srcHash}-`)) rmSync(path.join(this.cacheRoot, name), { recursive: true, force: true });
    }
  }

  private async seedBaton(cards: number, core: number): Promise<void> {
    this.pruneCache();
    const target = this.batonCacheDir(cards);
    const tmp = `${target}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    this.log(`  seeding Baton with ${cards} cards through the command path (cached in ${target})…`);
    const proc = await startServerProcess('baton.ts', { BENCH_DATA_DIR: tmp, BENCH_SECRET: SECRET }, 120_000, core);
    const report = await proc.call<SeedReport>('seed', { cards, users: this.users });
    await proc.stop();
    writeFileSync(path.join(tmp, 'seed.json'), JSON.stringify(report));
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
    this.log(`  seeded ${cards} cards in ${(report.totalMs / 1000).toFixed(1)} s`);
  }

  async get(cards: number): Promise<PreparedBoard> {
    const hit = this.cache.get(cards);
    if (hit) return hit;
    await this.seedAll([cards]);
    const board = generateBoard(cards, this.users);
    const update = buildBoardUpdate(board);
    const updateFile = path.join(this.workDir, `board-${cards}.bin`);
    writeFileSync(updateFile, update);
    const batonDir = this.batonCacheDir(cards);
    const seed = JSON.parse(readFileSync(path.join(batonDir, 'seed.json'), 'utf8')) as SeedReport;
    const prepared = { cards, board, update, updateFile, batonDir, seed };
    this.cache.set(cards, prepared);
    return prepared;
  }

  /** A fresh directory for one server process. */
  scratch(prefix: string): string {
    return mkdtempSync(path.join(this.workDir, `${prefix}-`));
  }

  /** A private copy of a seeded Baton directory. */
  batonCopy(prepared: PreparedBoard): string {
    const dir = this.scratch(`baton-${prepared.cards}`);
    cpSync(prepared.batonDir, dir, { recursive: true });
    return dir;
  }

  dispose(): void {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
