import type { Task } from '@dm/contracts';
import type { RegistrySnapshot } from './registry-snapshot';

export interface IssueDirective {
  type: 'IssueDirective';
  /** Number and symbol, e.g. `4308/UBND-VX`. */
  number: string;
  /** The `type` field of the API: `cong-van`, `chi-thi`, `ke-hoach`, … */
  docType: string;
  issuer: string;
  issuedOn: string;
  subject: string;
  legalBasis: string[];
  addressees: string[];
  signer: { name: string; capacity?: string | null; title: string };
  monitoringAgency: string;
  tasks: Task[];
  registry: RegistrySnapshot;
}

export interface ChangeTaskDeadline {
  type: 'ChangeTaskDeadline';
  taskNumber: string;
  /** The new deadline, or null to remove it. */
  deadline: string | null;
  reason: string;
  authorizingDocument: string;
  changedOn: string;
}

export interface CancelTask {
  type: 'CancelTask';
  taskNumber: string;
  reason: string;
  authorizingDocument: string | null;
  cancelledOn: string;
}

export type DirectiveCommand = IssueDirective | ChangeTaskDeadline | CancelTask;
