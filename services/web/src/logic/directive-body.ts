import type { issueDirectiveRequest } from '@dm/contracts/web';
import type { z } from 'zod';

/** A date picker's value (a dayjs), as far as the body needs it. */
type DateValue = { format(template: string): string } | null | undefined;

const isoDate = (value: DateValue) => (value ? value.format('YYYY-MM-DD') : undefined);
const optionalText = (value: string | undefined) => (value?.trim() ? value : undefined);

export interface TaskValues {
  number?: string;
  text?: string;
  mode?: 'giao' | 'yeu-cau' | 'de-nghi';
  lead?: string[];
  coordinating?: string[];
  deadline?: DateValue;
  reportDuty?: string;
}

export interface DirectiveValues {
  number?: string;
  type?: string;
  issuer?: string;
  issuedOn?: DateValue;
  subject?: string;
  legalBasis?: Array<string | undefined>;
  addressees?: string[];
  signer?: { name?: string; capacity?: string; title?: string };
  monitoringAgency?: string;
  tasks?: TaskValues[];
}

export type IssueDirectiveBody = z.input<typeof issueDirectiveRequest>;

/** The form's values as the body of POST /api/v1/directives. */
export function directiveBody(values: DirectiveValues): IssueDirectiveBody {
  return {
    number: values.number ?? '',
    type: values.type ?? '',
    issuer: values.issuer ?? '',
    issuedOn: isoDate(values.issuedOn) ?? '',
    subject: values.subject ?? '',
    legalBasis: (values.legalBasis ?? []).filter((basis): basis is string => !!basis?.trim()),
    addressees: values.addressees ?? [],
    signer: { name: values.signer?.name ?? '', capacity: optionalText(values.signer?.capacity), title: values.signer?.title ?? '' },
    monitoringAgency: values.monitoringAgency ?? '',
    tasks: (values.tasks ?? []).map((task) => ({
      number: task.number ?? '',
      text: task.text ?? '',
      mode: task.mode ?? 'giao',
      lead: task.lead ?? [],
      coordinating: task.coordinating ?? [],
      deadline: isoDate(task.deadline) ?? null,
      reportDuty: optionalText(task.reportDuty),
    })),
  };
}

/** Every field of the form a problem may name. */
export const DIRECTIVE_FIELDS = [
  ['number'],
  ['type'],
  ['issuer'],
  ['issuedOn'],
  ['subject'],
  ['legalBasis', '*'],
  ['addressees'],
  ['signer', 'name'],
  ['signer', 'capacity'],
  ['signer', 'title'],
  ['monitoringAgency'],
  ['tasks', '*', 'number'],
  ['tasks', '*', 'text'],
  ['tasks', '*', 'mode'],
  ['tasks', '*', 'lead'],
  ['tasks', '*', 'coordinating'],
  ['tasks', '*', 'deadline'],
  ['tasks', '*', 'reportDuty'],
];
