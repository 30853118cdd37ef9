export const ACCOUNTS = Symbol('Accounts');
