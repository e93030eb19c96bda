/**
 * The crash workload restarts the server dozens of times, and under tsx every start spends
 * about a second of CPU resolving and loading ~400 modules through the loader hooks. So the
 * launcher (and with it src/main.ts and everything it imports from this repository) is
 * bundled once per test run with esbuild (already installed: tsx runs on it); npm packages
 * stay external and load from node_modules as usual. The bundle is written to
 * .tsbuild/crash-server/ (ignored by git), two levels below the repository root like
 * src/main.ts, so the paths main.ts derives from its own location stay the same.
 * CRASH_TSX=1 runs the launcher under tsx instead (same code, slower starts).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../support/child';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const LAUNCHER_TS = path.join(HERE, 'launcher.ts');

let built: Promise<string[]> | null = null;

/** The node arguments that start a warm server process. */
export function launcherArgs(): Promise<string[]> {
  if (process.env.CRASH_TSX === '1') return Promise.resolve(['--import', 'tsx', LAUNCHER_TS]);
  return (built ??= build());
}

async function sourcesStamp(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.ts')) hash.update(`${full}:${(await stat(full)).mtimeMs}\n`);
    }
  };
  for (const dir of ['collab-server/src', 'persistence/src', 'shared-types/src']) await walk(path.join(REPO_ROOT, dir));
  hash.update(await readFile(LAUNCHER_TS));
  return hash.digest('hex').slice(0, 12);
}

async function build(): Promise<string[]> {
  const esbuild = await import('esbuild');
  const outDir = path.join(REPO_ROOT, '.tsbuild', 'crash-server');
  await mkdir(outDir, { recursive: true });
  const outfile = path.join(outDir, `launcher-${await sourcesStamp()}.mjs`);
  const exists = await stat(outfile).then(
    () => true,
    () => false,
  );
  if (!exists) {
    // Built under a name of its own, then renamed: test files running in parallel never start a half-written bundle.
    const partial = `${outfile}.${process.pid}.partial.mjs`;
    await esbuild.build({
      entryPoints: [LAUNCHER_TS],
      outfile: partial,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      plugins: [
        {
          name: 'npm-packages-external',
          setup(b) {
            // Bare imports are npm packages (loaded from node_modules at run time), except this repository's own.
            b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@baton/') ? undefined : { path: args.path, external: true }));
          },
        },
      ],
    });
    await rename(partial, outfile);
    // Bundles of older sources, unless another run may still be starting servers from them.
    for (const old of await readdir(outDir)) {
      const file = path.join(outDir, old);
      if (file !== outfile && Date.now() - (await stat(file)).mtimeMs > 3_600_000) await rm(file, { force: true });
    }
  }
  return [outfile];
}
