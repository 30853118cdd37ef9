/**
 * The contracts a browser may load (services/web): the request and answer
 * schemas and their types, without the modules that need Node (hashing,
 * stream ids of the event store, the OpenAPI document).
 */
export * from './common';
export * from './principal';
export * from './directives';
export * from './progress';
export * from './registry';
export * from './reporting';
export * from './annual-review';
export * from './report-document';
export * from './reporting-duties';
export * from './reporting-answers';
export * from './identity';
export * from './audit';
