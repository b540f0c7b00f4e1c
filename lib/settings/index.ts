export * from './coinglass-access';
export * from './import-export';
export * from './migrations';
export * from './schema';
export * from './store';
