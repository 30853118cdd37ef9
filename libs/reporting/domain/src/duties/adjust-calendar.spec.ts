import { calendarAdjustedV1, REPORTING_EVENT_TYPES, type CalendarAdjusted } from '@dm/contracts';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import { AdjustCalendar, calendarDecider, type CalendarEvent } from './adjust-calendar';

const given = DeciderSpecification.for(calendarDecider);

const makeUp: CalendarAdjusted = {
  date: '2017-01-07',
  kind: 'workingDay',
  name: 'Làm bù cho ngày nghỉ Tết',
  authorizingDocument: 'Thông báo 6150/TB-LĐTBXH',
};
const dayOff: CalendarAdjusted = { date: '2017-01-07', kind: 'dayOff', name: 'Nghỉ thêm', authorizingDocument: null };
const adjust = (data: CalendarAdjusted) => new AdjustCalendar(data, specMetadata());
const adjusted = (data: CalendarAdjusted): CalendarEvent => ({ type: REPORTING_EVENT_TYPES.calendarAdjusted, data });

describe('AdjustCalendar', () => {
  it('given nothing, when a make-up day is recorded, then calendar-adjusted, valid against its schema', () => {
    given([])
      .when(adjust(makeUp))
      .then([adjusted(makeUp)]);
    expect(calendarAdjustedV1.safeParse(makeUp).success).toBe(true);
  });

  it('given an adjustment of the same date, when another is recorded, then it is recorded too (the latest wins)', () => {
    given([adjusted(makeUp)])
      .when(adjust(dayOff))
      .then([adjusted(dayOff)]);
  });

  it('records a copy of the command’s data', () => {
    const [event] = calendarDecider.decide(adjust(makeUp), calendarDecider.initialState());
    expect(event.data).toEqual(makeUp);
    expect(event.data).not.toBe(makeUp);
  });

  it('folds the adjustments in the order recorded', () => {
    const state = [adjusted(makeUp), adjusted(dayOff)].reduce(calendarDecider.evolve, calendarDecider.initialState());
    expect(state).toEqual([makeUp, dayOff]);
  });
});
