export { runStoreConformance } from './conformance';
export type { StoreFactory, StoreHarness } from './conformance';
export * from './postgres';
