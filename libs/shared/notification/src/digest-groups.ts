import type { DeliveryDocument } from './delivery';

export interface DigestGroup {
  channel: string;
  agencyId: string;
  deliveries: DeliveryDocument[];
}

/** Deliveries per channel and agency, in their given order, at most `size` in one group. */
export function digestGroups(deliveries: DeliveryDocument[], size: number): DigestGroup[] {
  const byAgency = new Map<string, DigestGroup>();
  for (const delivery of deliveries) {
    const key = JSON.stringify([delivery.channel, delivery.agencyId]);
    let group = byAgency.get(key);
    if (!group) byAgency.set(key, (group = { channel: delivery.channel, agencyId: delivery.agencyId, deliveries: [] }));
    group.deliveries.push(delivery);
  }
  return [...byAgency.values()].flatMap((group) => {
    const chunks: DigestGroup[] = [];
    for (let i = 0; i < group.deliveries.length; i += size) chunks.push({ ...group, deliveries: group.deliveries.slice(i, i + size) });
    return chunks;
  });
}
