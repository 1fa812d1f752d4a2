export * from './repeat/index.js';
export * from './zoned-time.js';
