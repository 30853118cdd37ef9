import { REPORTING_EVENT_TYPES, type RegimeSet } from '@dm/contracts';
import { Command, ValidationError, type Decider } from '@dm/eventsourcing';

export type RegimeEvent = { type: typeof REPORTING_EVENT_TYPES.regimeSet; data: RegimeSet };

export interface SetRegimeData extends RegimeSet {
  /** The directive's date: no duty starts before it. */
  issuedOn: string;
  /** Ids the registry does not know, among reporters and recipients (checked by the caller against the registry). */
  unknownAgencies: string[];
}

/** The monitoring office sets a directive's reporting regime, replacing the one before (PUT /api/v1/directives/{id}/reporting-regime). */
export class SetReportingRegime extends Command<'SetReportingRegime', SetRegimeData> {
  readonly type = 'SetReportingRegime';
}

export interface RegimeState {
  duties: RegimeSet['duties'];
  version: number;
}

export const regimeDecider: Decider<RegimeState, SetReportingRegime, RegimeEvent> = {
  initialState: () => ({ duties: [], version: 0 }),
  evolve: (state, event) => ({ duties: event.data.duties, version: state.version + 1 }),
  decide: ({ data }) => {
    if (data.unknownAgencies.length)
      throw new ValidationError(`the registry knows no agency or group ${data.unknownAgencies.join(', ')}`, 'duties');
    data.duties.forEach((duty, i) => {
      if (duty.from < data.issuedOn)
        throw new ValidationError(`a duty starts on or after the directive's date ${data.issuedOn}`, `duties[${i}].from`);
    });
    const { directiveId, duties, reason } = data;
    return [{ type: REPORTING_EVENT_TYPES.regimeSet, data: { directiveId, duties, reason } }];
  },
};
