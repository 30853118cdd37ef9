export * from './account';
export * from './identity.policy';
export * from './sign-in-throttle';
