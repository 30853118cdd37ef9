export * from './snapshot';
export * from './registry';
export * from './thanh-hoa-2017';
