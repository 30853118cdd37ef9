import { EVENT_TYPES, type RecordedEvent } from '@dm/contracts';
import { InMemoryReadStore } from '@dm/read-store';
import { AssignmentView } from './assignment-view';

const event = (type: string, revision: number, data: Record<string, unknown>) =>
  ({ type, streamId: 'directive-d-1', streamRevision: revision, data }) as unknown as RecordedEvent;

const issued = event(EVENT_TYPES.directiveIssued, 0, {
  directiveId: 'd-1',
  number: '1/UBND-VX',
  issuedOn: '2017-02-10',
  issuer: 'ubnd-tinh',
  issuerOffice: 'vp-ubnd-tinh',
  monitoringAgency: 'so-ldtbxh',
  tasks: [{ number: '3', mode: 'yeu-cau', deadline: null }],
  assignments: [{ id: 'a-1', taskNumber: '3', agencyId: 'h-1', role: 'lead' }],
});
const cancelled = event(EVENT_TYPES.taskCancelled, 1, { taskNumber: '3', cancelledOn: '2017-06-01', assignmentIds: ['a-1'] });

describe('AssignmentView', () => {
  let store: InMemoryReadStore;
  beforeEach(() => {
    store = new InMemoryReadStore();
  });
  afterEach(() => store.close());

  it('answers a cached assignment until a later event changes it', async () => {
    const view = new AssignmentView(store, 0);
    await view.apply([issued]);
    expect(await view.find('a-1')).toMatchObject({ agencyId: 'h-1', closedAs: null });
    await view.apply([cancelled]);
    expect(await view.find('a-1')).toMatchObject({ closedAs: 'cancelled', closedOn: '2017-06-01' });
  });

  it('waits a bounded time for an assignment it has not seen, then answers null', async () => {
    const view = new AssignmentView(store, 300);
    const started = Date.now();
    const late = view.find('a-1');
    setTimeout(() => void view.apply([issued]), 100);
    expect(await late).toMatchObject({ agencyId: 'h-1' });
    expect(await view.find('a-2')).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('does not keep a read that overlapped a write', async () => {
    const view = new AssignmentView(store, 0);
    await view.apply([issued]);
    const applying = view.apply([cancelled]);
    const during = await view.find('a-1');
    await applying;
    expect(during).not.toBeNull();
    expect(await view.find('a-1')).toMatchObject({ closedAs: 'cancelled' });
  });
});
