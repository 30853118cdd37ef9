export * from './checkpoint';
export * from './fault';
export * from './leaf';
export * from './log-verifier';
export * from './policy';
export * from './export-format';
export * from './export-verifier';
export * from './figures';
