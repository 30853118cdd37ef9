import fc from 'fast-check';
import type { DeliveryDocument } from './delivery';
import { digestGroups } from './digest-groups';

const delivery = (channel: string, agencyId: string, i: number) => ({ _id: `${channel}:${i}`, channel, agencyId }) as DeliveryDocument;

describe('digestGroups', () => {
  it('puts each delivery in exactly one group of its channel and agency, in order, at most size per group', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('webhook', 'email'), fc.constantFrom('a', 'b', 'c')), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (pairs, size) => {
          const deliveries = pairs.map(([channel, agency], i) => delivery(channel, agency, i));
          const groups = digestGroups(deliveries, size);
          expect(groups.flatMap((g) => g.deliveries.map((d) => d._id)).sort()).toEqual(deliveries.map((d) => d._id).sort());
          for (const group of groups) {
            expect(group.deliveries.length).toBeGreaterThan(0);
            expect(group.deliveries.length).toBeLessThanOrEqual(size);
            expect(group.deliveries.every((d) => d.channel === group.channel && d.agencyId === group.agencyId)).toBe(true);
            const order = group.deliveries.map((d) => deliveries.indexOf(d));
            expect(order).toEqual([...order].sort((a, b) => a - b));
          }
        },
      ),
    );
  });
});
