export type { BatonServer } from './server';
export { startServer } from './server';
export type { Config } from './config';
export { configFromEnv } from './config';
export { FakeClock, systemClock, type Clock } from './clock';
