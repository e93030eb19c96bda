export { runStoreConformance } from './conformance';
export type { StoreFactory, StoreHarness } from './conformance';
export * from './postgres';
export { epochs, FILLED, fillEverything, readEverything } from './backupFixtures';
