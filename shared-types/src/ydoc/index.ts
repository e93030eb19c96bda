export * from './boardDoc';
export * from './effects';
