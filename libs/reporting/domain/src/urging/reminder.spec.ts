import { REPORTING_EVENT_TYPES, reminderDeliveryV1, reminderIssuedV1, type ReminderDelivery, type ReminderIssued } from '@dm/contracts';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import { IssueReminder, RecordDelivery, reminderDecider, type ReminderEvent } from './reminder';

const given = DeciderSpecification.for(reminderDecider);

const KEY = 'overdue|a-3-muong-lat|2017-03-31|2017-04';
const reminder: ReminderIssued = {
  reminderId: 'r-1',
  key: KEY,
  kind: 'overdue',
  agencyId: 'h-muong-lat',
  directiveId: 'd-4308',
  directiveNumber: '4308/UBND-VX',
  assignmentId: 'a-3-muong-lat',
  taskNumber: '3',
  deadline: '2017-03-31',
  period: null,
  foundOn: '2017-04-01',
  subject: 'Quá hạn: nhiệm vụ 3 theo văn bản số 4308/UBND-VX, hạn 31/03/2017',
  text: 'Nhiệm vụ 3 theo văn bản số 4308/UBND-VX đã quá hạn 1 ngày (hạn 31/03/2017).',
};
const failed: ReminderDelivery = { reminderId: 'r-1', channel: 'webhook', ok: false, attempts: 1, final: false, error: 'HTTP 503' };
const sent: ReminderDelivery = { reminderId: 'r-1', channel: 'webhook', ok: true, attempts: 2, final: true, error: null };

const issue = (data: ReminderIssued = reminder) => new IssueReminder(data, specMetadata());
const deliver = (delivery: ReminderDelivery) => new RecordDelivery({ key: KEY, delivery }, specMetadata());
const issued = (data: ReminderIssued = reminder): ReminderEvent => ({ type: REPORTING_EVENT_TYPES.reminderIssued, data });
const delivered = (data: ReminderDelivery): ReminderEvent => ({ type: REPORTING_EVENT_TYPES.reminderDelivery, data });

describe('IssueReminder', () => {
  it('given nothing, when a reminder is issued, then reminder-issued, valid against its schema', () => {
    given([]).when(issue()).then([issued()]);
    expect(reminderIssuedV1.safeParse(reminder).success).toBe(true);
  });

  it('given a reminder issued for the key, when it is issued again, then nothing happens', () => {
    given([issued()]).when(issue()).thenNothingHappened();
    given([issued()])
      .when(issue({ ...reminder, reminderId: 'r-2', foundOn: '2017-04-02' }))
      .thenNothingHappened();
    given([issued(), delivered(sent)])
      .when(issue())
      .thenNothingHappened();
  });
});

describe('RecordDelivery', () => {
  it('given an issued reminder, when a delivery is recorded, then reminder-delivery, valid against its schema', () => {
    given([issued()])
      .when(deliver(failed))
      .then([delivered(failed)]);
    expect(reminderDeliveryV1.safeParse(failed).success).toBe(true);
  });

  it('records each further attempt', () => {
    given([issued(), delivered(failed)])
      .when(deliver(sent))
      .then([delivered(sent)]);
  });

  it('counts only the reminder-issued event as the reminder: a delivery alone leaves it to issue', () => {
    given([delivered(sent)])
      .when(issue())
      .then([issued()]);
  });

  it('given no reminder issued, when a delivery is recorded, then nothing happens', () => {
    given([]).when(deliver(sent)).thenNothingHappened();
  });

  it('given only a delivery, the reminder is not issued yet', () => {
    given([delivered(failed)])
      .when(issue())
      .then([issued()]);
    given([delivered(failed)])
      .when(deliver(sent))
      .thenNothingHappened();
  });
});
