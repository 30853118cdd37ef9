import type { DirectiveDraft } from '@dm/contracts/directive-import';
import type { IssueDirectiveBody } from '../logic/directive-body';
import { get, post, postText, put } from './http';

/** A draft as the import routes answer it (docs/import.md): the draft, its id, status and revision. */
export interface DraftAnswer extends DirectiveDraft {
  draftId: string;
  status: 'draft' | 'issued' | 'discarded';
  /** 0 as imported, one more for each correction: sent back with the corrections. */
  revision: number;
}

/** GET answers the source text and what became of the draft too. */
export interface DraftWithSource extends DraftAnswer {
  directiveId: string | null;
  source: string;
  history: Array<{ type: string; revision: number; at: string; by: { userId: string } }>;
}

const path = (draftId: string) => `/api/v1/directives/imports/${encodeURIComponent(draftId)}`;

/** Reads a directive's text into a draft (POST /api/v1/directives/import, the text as text/plain). */
export const importDirective = (text: string) => postText<DraftAnswer>('/api/v1/directives/import', text);

export const fetchDraft = (draftId: string) => get<DraftWithSource>(path(draftId));

/** Records the reviewer's corrections, made on `revision` (another is 409). */
export const correctDraft = (draftId: string, draft: DirectiveDraft, revision: number) =>
  put<DraftWithSource>(path(draftId), { ...draft, revision });

/** Issues the reviewed draft through the directive command, which records the import it came from. */
export const issueFromDraft = (draftId: string, body: IssueDirectiveBody, idempotencyKey: string) =>
  post<{ id: string; number: string }>('/api/v1/directives', { ...body, importDraftId: draftId }, { idempotencyKey });
