export * from './boardDoc';
export * from './stamps';
export * from './effects';
export * from './richText';
export * from './packDoc';
export * from './reviewDoc';
export * from './planDoc';
export * from './boardIndex';
