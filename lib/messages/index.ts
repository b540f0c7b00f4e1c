export * from './client';
export * from './dispatcher';
export * from './log-once';
export * from './protocol';
export * from './push';
export * from './view-entry';
