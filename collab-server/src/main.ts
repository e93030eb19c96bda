import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, configFromEnv } from './config';
import { startServer } from './server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const config = configFromEnv(process.env, repoRoot);
  const server = await startServer(config);
  console.log(`Baton is running at ${server.url}  (data: ${config.dataDir}${config.fakeClock ? ', fake clock' : ''})`);
  if (config.demo) console.log('Demo logins: sales, sales2, product, delivery, manager, ops, admin — password "demo" (demo only)');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
