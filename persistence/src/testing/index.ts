export { runStoreConformance } from './conformance';
export type { StoreFactory, StoreHarness } from './conformance';
