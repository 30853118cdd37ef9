import type { EventStore } from '@dm/eventsourcing';
import type { AnswerCache } from '../answer-cache';
import type { AttachmentStore, ReadStore } from '@dm/read-store';
import type { RegistryReader } from './registry-reader';
import type { ReportingLedger } from './reporting-ledger';
import type { ReportingService } from './reporting-service';
import type { UrgingScheduler } from './urging-scheduler';

/** The reporting context's writers and readers, as the routes use them. */
export interface ReportingContext {
  store: EventStore;
  ledger: ReportingLedger;
  registry: RegistryReader;
  service: ReportingService;
  attachments: AttachmentStore;
  urging: UrgingScheduler;
  /** The costly reads' answers, kept while the read models do not move. */
  answers: AnswerCache;
  /** The read models' base store (not a generation): attachments live there. */
  readStore: ReadStore;
}

/** The collection of the base store that keeps the periodic reports' files by their SHA-256. */
export const REPORTING_ATTACHMENTS = 'reporting-attachments';

export const RP_REPORTING = Symbol('report-projection ReportingContext');
export const RP_EVENT_STORE = Symbol('report-projection EventStore');
