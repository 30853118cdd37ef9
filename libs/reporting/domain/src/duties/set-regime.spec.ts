import { REPORTING_EVENT_TYPES, regimeSetV1, type RegimeSet } from '@dm/contracts';
import { ValidationError } from '@dm/eventsourcing';
import { DeciderSpecification, specMetadata } from '@dm/eventsourcing/testing';
import { DIRECTIVE_ID, ISSUED_ON, duty } from './duties.fixtures';
import { regimeDecider, SetReportingRegime, type RegimeEvent, type SetRegimeData } from './set-regime';

const given = DeciderSpecification.for(regimeDecider);

const quarterly = duty();
const monthly = duty({ id: 'bc-thang', frequency: 'month', deadline: { kind: 'workingDaysAfterCutOff', days: 3 }, from: '2017-03-01' });

const setRegime = (o: Partial<SetRegimeData> = {}) =>
  new SetReportingRegime(
    {
      directiveId: DIRECTIVE_ID,
      duties: [quarterly, monthly],
      reason: null,
      issuedOn: ISSUED_ON,
      unknownAgencies: [],
      ...o,
    },
    specMetadata(),
  );
const regimeSet = (data: Partial<RegimeSet> = {}): RegimeEvent => ({
  type: REPORTING_EVENT_TYPES.regimeSet,
  data: { directiveId: DIRECTIVE_ID, duties: [quarterly, monthly], reason: null, ...data },
});

describe('SetReportingRegime', () => {
  it('given nothing, when a regime is set, then regime-set with its duties only, valid against its schema', () => {
    given([]).when(setRegime()).then([regimeSet()]);
    expect(regimeSetV1.safeParse(regimeSet().data).success).toBe(true);
  });

  it('given a regime, when another is set with a reason, then it replaces it', () => {
    given([regimeSet()])
      .when(setRegime({ duties: [monthly], reason: 'Bỏ báo cáo quý' }))
      .then([regimeSet({ duties: [monthly], reason: 'Bỏ báo cáo quý' })]);
  });

  it('takes an empty regime (no duty)', () => {
    given([regimeSet()])
      .when(setRegime({ duties: [] }))
      .then([regimeSet({ duties: [] })]);
  });

  it('refuses agencies or groups the registry does not know, naming them and the field duties', () => {
    given([])
      .when(setRegime({ unknownAgencies: ['h-khong-co', 'nhom-la'] }))
      .thenThrows(ValidationError, (e) => {
        expect(e.field).toBe('duties');
        expect(e.message).toContain('h-khong-co, nhom-la');
      });
  });

  it('takes a duty that starts on the directive’s date', () => {
    given([])
      .when(setRegime({ duties: [duty({ from: ISSUED_ON })] }))
      .then([regimeSet({ duties: [duty({ from: ISSUED_ON })] })]);
  });

  it('refuses a duty that starts before the directive’s date, naming that duty’s from', () => {
    given([])
      .when(setRegime({ duties: [quarterly, duty({ id: 'bc-som', from: '2017-02-09' })] }))
      .thenThrows(ValidationError, (e) => {
        expect(e.field).toBe('duties[1].from');
        expect(e.message).toContain('2017-02-10');
      });
    given([])
      .when(setRegime({ duties: [duty({ from: '2016-12-31' })] }))
      .thenThrows(ValidationError, (e) => expect(e.field).toBe('duties[0].from'));
  });

  it('folds the duties in force and counts the versions', () => {
    const state = [regimeSet(), regimeSet({ duties: [monthly] })].reduce(regimeDecider.evolve, regimeDecider.initialState());
    expect(state).toEqual({ duties: [monthly], version: 2 });
  });
});
