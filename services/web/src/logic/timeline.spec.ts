import {
  attachmentOf,
  attachmentUrl,
  businessDate,
  deadlineChangeOf,
  eventLabel,
  eventsAsOf,
  incomingDocumentOf,
  textsOf,
} from './timeline';

const event = (type: string, data: Record<string, unknown>, occurredAt = '2017-03-10T00:00:00+07:00') => ({
  type,
  data,
  occurredAt,
});

describe('timeline events', () => {
  it('names each event in Vietnamese', () => {
    expect(eventLabel('assignment.progress-reported').vi).toBe('Báo cáo tiến độ');
    expect(eventLabel('directive.task-deadline-changed').vi).toBe('Gia hạn, thay đổi thời hạn');
    expect(eventLabel('something.new')).toEqual({ vi: 'something.new', en: 'something.new' });
  });

  it.each(['directive-import.drafted', 'directive-import.corrected', 'directive-import.issued', 'directive-import.discarded'])(
    "names the import's event %s",
    (type) => {
      expect(eventLabel(type).vi).not.toBe(type);
      expect(eventLabel(type).en).not.toBe(type);
    },
  );

  it('dates an event by the business date it states', () => {
    expect(businessDate(event('assignment.progress-reported', { reportedOn: '2017-03-10' }))).toBe('2017-03-10');
    expect(businessDate(event('assignment.completion-confirmed', { completedOn: '2017-11-25', confirmedOn: '2017-12-05' }))).toBe(
      '2017-12-05',
    );
    expect(businessDate(event('x', {}, '2017-03-14T17:30:00Z'))).toBe('2017-03-15');
  });

  it('keeps the events up to a business date', () => {
    const events = [
      event('a', { reportedOn: '2017-03-10' }),
      event('b', { reportedOn: '2017-04-10' }),
      event('c', { completedOn: '2017-03-11', returnedOn: '2017-04-12' }),
    ];
    expect(eventsAsOf(events, '2017-04-10').map((e) => e.type)).toEqual(['a', 'b']);
    expect(eventsAsOf(events, null)).toHaveLength(3);
  });

  it('reads the attachment and its SHA-256, and the paper report', () => {
    const sha256 = 'a'.repeat(64);
    expect(attachmentOf({ attachment: { fileName: 'bc.pdf', mediaType: 'application/pdf', size: 10, sha256 } })).toEqual({
      fileName: 'bc.pdf',
      mediaType: 'application/pdf',
      size: 10,
      sha256,
    });
    expect(attachmentOf({ attachment: null })).toBeNull();
    expect(attachmentUrl({ assignmentId: 'a-1' }, sha256)).toBe(`/api/v1/assignments/a-1/attachments/${sha256}`);
    expect(attachmentUrl({}, sha256)).toBeNull();
    expect(incomingDocumentOf({ incomingDocument: { number: '45/BC-UBND', date: '2017-03-06' } })).toEqual({
      number: '45/BC-UBND',
      date: '2017-03-06',
    });
    expect(incomingDocumentOf({ incomingDocument: null })).toBeNull();
  });

  it('lists the texts a reader wants and the deadline change', () => {
    const change = event('directive.task-deadline-changed', {
      previousDeadline: '2017-03-15',
      deadline: '2017-04-30',
      reason: 'Theo đề nghị',
      authorizingDocument: '12/UBND',
    });
    expect(textsOf(change)).toEqual([
      ['reason', 'Theo đề nghị'],
      ['authorizingDocument', '12/UBND'],
    ]);
    expect(deadlineChangeOf(change.data)).toEqual({ from: '2017-03-15', to: '2017-04-30' });
    expect(textsOf(event('assignment.progress-reported', { summary: 'x', difficulties: null, proposals: ' ' }))).toEqual([
      ['summary', 'x'],
    ]);
  });
});
