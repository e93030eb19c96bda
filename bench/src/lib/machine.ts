import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { DiskFloor } from './diskFloor';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  date: string;
  taskset: boolean;
  disk: string;
  /** One durable SQLite commit on that disk (see diskFloor), when measured. */
  durableCommit?: DiskFloor;
}

function firstLine(file: string, key: string): string | null {
  try {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(key));
    return line ? line.split(':').slice(1).join(':').trim() : null;
  } catch {
    return null;
  }
}

export function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function diskOf(dir: string): string {
  try {
    const out = execFileSync('df', ['-T', dir], { encoding: 'utf8' }).trim().split('\n')[1] ?? '';
    const [device, type] = out.split(/\s+/);
    return `${type ?? '?'} on ${device ?? '?'}`;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: firstLine('/proc/cpuinfo', 'model name') ?? cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    taskset: hasTaskset(),
    disk: diskOf(os.tmpdir()),
  };
}

/** Pins this process (all its threads) to one core, so the servers under test get the other. */
export function pinSelf(core: number): boolean {
  if (!hasTaskset()) return false;
  try {
    execFileSync('taskset', ['-a', '-cp', String(core), String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
