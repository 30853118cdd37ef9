export type { DirectiveDraft, DraftAgency, DraftSigner, DraftTask, DraftWarning, SourceLines } from '@dm/contracts';
export type { ImportRegistry } from './agencies';
export { DRAFT_WARNING_CODES, type DraftWarningCode } from '@dm/contracts';
export { type ImportOptions, importDirective } from './import-directive';
export { importRegistryOf } from './import-registry';
