import { REGISTRY_EVENT_TYPES as T, type RegistryEvent } from '@dm/contracts';
import { specMetadata } from '@dm/eventsourcing/testing';
import { AgencyRegistry } from './registry';
import {
  ChangeGroupMembers,
  CreateAgency,
  EndAgency,
  registryDecider,
  type ChangeMembersData,
  type CreateAgencyData,
  type EndAgencyData,
} from './registry.decider';

/** Registry events and commands of the decider's specs: a province with two departments, a third from 01/03/2025. */
export const why = { reason: 'Sắp xếp tổ chức bộ máy', authorizingDocument: '45/2025/NĐ-CP' };

export const groupCreated = (groupId: string, validFrom = '2016-01-01'): RegistryEvent => ({
  type: T.groupCreated,
  data: { ...why, groupId, name: groupId.toUpperCase(), validFrom },
});
export const agencyCreated = (
  agencyId: string,
  groups: string[] = [],
  validFrom = '2016-01-01',
  parent: string | null = null,
): RegistryEvent => ({
  type: T.agencyCreated,
  data: { ...why, agencyId, name: `Sở ${agencyId}`, kind: 'department', parent, aliases: [], groups, validFrom },
});
export const agencyEnded = (agencyId: string, validTo: string, successors: EndAgencyData['successors'] = []): RegistryEvent => ({
  type: T.agencyEnded,
  data: { ...why, agencyId, validTo, successors },
});

export const create = (d: Partial<CreateAgencyData> = {}) =>
  new CreateAgency(
    { ...why, id: 'so-moi', name: 'Sở Mới', kind: 'department', parent: null, aliases: [], groups: [], validFrom: '2025-03-01', ...d },
    specMetadata(),
  );
export const end = (d: Partial<EndAgencyData> = {}) =>
  new EndAgency(
    { ...why, id: 'so-ldtbxh', validTo: '2025-02-28', successors: [{ agencyId: 'so-nnmt', duties: null }], ...d },
    specMetadata(),
  );
export const members = (d: Partial<ChangeMembersData> = {}) =>
  new ChangeGroupMembers({ ...why, id: 'so-ban-nganh', effectiveOn: '2025-03-01', add: [], remove: [], ...d }, specMetadata());

/** The province before 2025: two departments in the departments' group, the new one from 01/03/2025. */
export const province = [
  groupCreated('so-ban-nganh'),
  agencyCreated('so-ldtbxh', ['so-ban-nganh']),
  agencyCreated('so-nv', ['so-ban-nganh']),
  agencyCreated('so-nnmt', ['so-ban-nganh'], '2025-03-01'),
];
export const registryOf = (events: RegistryEvent[]) =>
  new AgencyRegistry(events.reduce(registryDecider.evolve, registryDecider.initialState()), 'spec');
