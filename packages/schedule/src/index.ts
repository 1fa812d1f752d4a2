export * from './due-label.js';
export * from './quick-add/index.js';
export * from './repeat/index.js';
export * from './zoned-time.js';
