import { randomUUID } from 'node:crypto';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer as KafkaConsumer,
  type EachBatchPayload,
  type IHeaders,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type { RecordedEvent } from '@dm/contracts';
import type { BusMessage, Consumer, DeadLetter, MessageBus, MessageHandler } from '@dm/message-bus';
import { deadLetterTopic } from '@dm/message-bus';

export interface KafkaMessageBusOptions {
  brokers: string[];
  clientId: string;
  /** Partitions of the topics this bus creates (default 3). */
  partitions?: number;
  /** First pause before a failed batch is handled again (default 200 ms, doubling up to 10 s). */
  retryMs?: number;
  /**
   * Prefix of every topic and consumer group on the broker ("<namespace>.<name>"),
   * so several installations or test runs can share one cluster. Handlers see plain names.
   */
  namespace?: string;
}

/**
 * Messages handed to a handler at once: one read-model write batch. Each
 * event of a batch is visible only once the whole batch is written, so a
 * larger one costs latency (on FerretDB, 500 gave twice the p50 of 100 at
 * 200 reports/s); but a larger one also writes a document the batch touches
 * several times once, which is what a group that is behind needs. So 100
 * while the group keeps up, and 500 once more than 500 messages wait (those
 * of the fetch and those the partitions hold beyond it).
 */
const CHUNK = 100;
const CHUNK_BEHIND = 500;

/** A partition's batch waiting to be handed over, and how far it has been. */
interface Gathered {
  payload: EachBatchPayload;
  next: number;
  done: () => void;
  fail: (error: unknown) => void;
}

/**
 * Gathers the batches kafkajs hands over at once (one per partition of a
 * fetch, with partitionsConsumedConcurrently) and drains them together, one
 * drain at a time: the handler is never called twice at once, and a fetch of
 * many partitions costs one handler call and one commit, not one per partition.
 */
class Gatherer {
  private pending: Gathered[] = [];
  private running = false;

  constructor(private readonly drain: (entries: Gathered[]) => Promise<void>) {}

  add(payload: EachBatchPayload): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.pending.push({ payload, next: 0, done, fail });
      if (this.running) return;
      this.running = true;
      void this.loop();
    });
  }

  private async loop(): Promise<void> {
    // The other partitions' batches of the same fetch are handed over in this turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      const entries = this.pending.splice(0);
      if (!entries.length) {
        this.running = false;
        return;
      }
      try {
        await this.drain(entries);
        for (const e of entries) e.done();
      } catch (error) {
        for (const e of entries) e.fail(error);
      }
    }
  }
}

const isTopicAlreadyExists = (error: unknown): boolean => {
  const e = error as { type?: string; errors?: unknown[] };
  return e?.type === 'TOPIC_ALREADY_EXISTS' || (Array.isArray(e?.errors) && e.errors.length > 0 && e.errors.every(isTopicAlreadyExists));
};

const header = (headers: IHeaders | undefined, name: string): string | null => {
  const value = headers?.[name];
  if (value === undefined || value === null) return null;
  return Array.isArray(value) ? String(value[0]) : String(value);
};

/**
 * The message-bus port on Kafka (kafkajs). Key = stream id, so a stream's
 * events keep their order in one partition; the producer is idempotent with
 * acks from all replicas; each group commits a batch's offsets only after its
 * handler resolved, and hands a failed batch over again after a pause; topics
 * are created with infinite retention, since they are what a rebuild replays.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly consumers = new Set<KafkaConsumer>();
  private readonly knownTopics = new Set<string>();

  private constructor(private readonly options: KafkaMessageBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      retry: { retries: 10 },
      // kafkajs's own defaults, named: a broker connection within 1 s, an answer to each request within 30 s.
      connectionTimeout: 1_000,
      requestTimeout: 30_000,
    });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    this.admin = this.kafka.admin();
  }

  /** Connects, trying again for up to a minute while the broker starts (or elects its coordinators). */
  static async connect(options: KafkaMessageBusOptions): Promise<KafkaMessageBus> {
    const bus = new KafkaMessageBus(options);
    const deadline = Date.now() + 60_000;
    for (let pause = options.retryMs ?? 200; ; pause = Math.min(pause * 2, 5_000)) {
      try {
        await bus.admin.connect();
        await bus.producer.connect();
        return bus;
      } catch (error) {
        if (Date.now() + pause > deadline) throw error;
        console.warn(`kafka: could not connect to ${options.brokers.join(',')} (${(error as Error).message}); again in ${pause} ms`);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  /** The broker's name of a topic or group. */
  private onBroker(name: string): string {
    return this.options.namespace ? `${this.options.namespace}.${name}` : name;
  }

  private fromBroker(topic: string): string {
    const prefix = this.options.namespace ? `${this.options.namespace}.` : '';
    return topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }

  /** Creates the topics that do not exist yet, with the configured partitions and retention.ms=-1. */
  async ensureTopics(names: string[]): Promise<void> {
    const topics = names.map((n) => this.onBroker(n));
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (!missing.length) return;
    const existing = new Set(await this.admin.listTopics());
    const toCreate = missing.filter((t) => !existing.has(t));
    if (toCreate.length) {
      try {
        await this.admin.createTopics({
          waitForLeaders: true,
          topics: toCreate.map((topic) => ({
            topic,
            numPartitions: this.options.partitions ?? 3,
            replicationFactor: 1,
            configEntries: [{ name: 'retention.ms', value: '-1' }],
          })),
        });
      } catch (error) {
        // Another service created them at the same moment.
        if (!isTopicAlreadyExists(error)) throw error;
      }
    }
    await this.waitForLeaders(missing);
    missing.forEach((t) => this.knownTopics.add(t));
  }

  /** A topic another client has just created may not have a leader in the metadata yet. */
  private async waitForLeaders(topics: string[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let pause = 100; ; pause = Math.min(pause * 2, 2_000)) {
      try {
        const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics });
        if (metadata.length === topics.length && metadata.every((t) => t.partitions.length && t.partitions.every((p) => p.leader >= 0)))
          return;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
      if (Date.now() >= deadline) throw new Error(`kafka: topics ${topics.join(', ')} have no leader after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  async publish(messages: BusMessage[]): Promise<void> {
    if (!messages.length) return;
    const byTopic = new Map<string, BusMessage[]>();
    for (const m of messages) {
      const batch = byTopic.get(m.topic);
      if (batch) batch.push(m);
      else byTopic.set(m.topic, [m]);
    }
    await this.ensureTopics([...byTopic.keys()]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, batch]) => ({
        topic: this.onBroker(topic),
        messages: batch.map((m) => ({
          key: m.key,
          value: JSON.stringify(m.event),
          headers: {
            eventId: m.event.eventId,
            type: m.event.type,
            schemaVersion: String(m.event.schemaVersion),
            correlationId: m.event.correlationId,
            source: m.source,
          },
        })),
      })),
    });
  }

  async subscribe(group: string, topics: string[], handler: MessageHandler): Promise<Consumer> {
    let current: KafkaConsumer | null = null;
    let stopped = false;
    const startOnce = async (): Promise<void> => {
      await this.ensureTopics([...topics, deadLetterTopic(group)]);
      const consumer = this.kafka.consumer({ groupId: this.onBroker(group), sessionTimeout: 30_000, heartbeatInterval: 3_000 });
      current = consumer;
      this.consumers.add(consumer);
      // kafkajs restarts a consumer after retriable errors only; after any other
      // (e.g. the group dropped this member while a batch ran) it starts a new one.
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart || stopped) return;
        console.warn(`kafka group ${group}: consumer stopped (${payload.error.message}); starting a new one`);
        this.consumers.delete(consumer);
        void consumer
          .disconnect()
          .catch(() => undefined)
          .then(() => start(Infinity))
          .catch((error: Error) => console.error(`kafka group ${group}: could not start a new consumer: ${error.message}`));
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: topics.map((t) => this.onBroker(t)), fromBeginning: true });
        const gatherer = new Gatherer((entries) => this.drain(group, handler, consumer, entries));
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          // Every partition's batch of a fetch at once, so the gatherer hands them to the handler together.
          partitionsConsumedConcurrently: Math.max(16, topics.length * (this.options.partitions ?? 3)),
          eachBatch: (payload) => gatherer.add(payload),
        });
      } catch (error) {
        this.consumers.delete(consumer);
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
    };
    /** Tries again with a growing pause (a broker that restarts, metadata not there yet) until `timeoutMs`. */
    const start = async (timeoutMs: number): Promise<void> => {
      const deadline = Date.now() + timeoutMs;
      for (let pause = this.options.retryMs ?? 200; !stopped; pause = Math.min(pause * 2, 10_000)) {
        try {
          return await startOnce();
        } catch (error) {
          if (Date.now() + pause > deadline) throw error;
          console.warn(`kafka group ${group}: could not start its consumer (${(error as Error).message}); again in ${pause} ms`);
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    };
    await start(60_000);
    return {
      stop: async () => {
        stopped = true;
        const consumer = current;
        if (!consumer) return;
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  /** One message of Kafka as a bus message; an unparsable one is parked in the group's dead letters (null). */
  private async toBusMessage(group: string, topic: string, m: KafkaMessage): Promise<BusMessage | null> {
    const text = m.value?.toString('utf8') ?? '';
    try {
      return {
        topic: this.fromBroker(topic),
        key: m.key?.toString('utf8') ?? '',
        source: header(m.headers, 'source') ?? 'unknown',
        event: JSON.parse(text) as RecordedEvent,
      };
    } catch (error) {
      await this.deadLetter({
        group,
        topic: this.fromBroker(topic),
        key: m.key?.toString('utf8') ?? null,
        reason: `not JSON: ${(error as Error).message}`,
        payload: text,
      });
      return null;
    }
  }

  /**
   * Hands over what the batches of one fetch hold (several partitions, each
   * kept in its order) to the handler together, CHUNK messages at a time
   * (CHUNK_BEHIND when behind), and commits every partition's offsets of a
   * chunk in one request after its handler resolved, with a heartbeat between chunks, so a long drain keeps
   * the consumer in its group. Partitions whose batch went stale (revoked by a
   * rebalance) are left for their new owner.
   */
  private async drain(group: string, handler: MessageHandler, consumer: KafkaConsumer, entries: Gathered[]): Promise<void> {
    const live = (e: Gathered) => e.next < e.payload.batch.messages.length && e.payload.isRunning() && !e.payload.isStale();
    const waiting = entries.reduce((n, e) => n + e.payload.batch.messages.length + Math.max(0, Number(e.payload.batch.offsetLag())), 0);
    const chunk = waiting > CHUNK_BEHIND ? CHUNK_BEHIND : CHUNK;
    for (;;) {
      const taking = entries.filter(live);
      if (!taking.length) return;
      let budget = chunk;
      const slices: Array<{ entry: Gathered; messages: KafkaMessage[] }> = [];
      for (const entry of taking) {
        if (budget <= 0) break;
        const messages = entry.payload.batch.messages.slice(entry.next, entry.next + budget);
        slices.push({ entry, messages });
        budget -= messages.length;
      }
      const busMessages: BusMessage[] = [];
      for (const { entry, messages } of slices) {
        for (const m of messages) {
          const message = await this.toBusMessage(group, entry.payload.batch.topic, m);
          if (message) busMessages.push(message);
        }
      }
      const payloads = slices.map((s) => s.entry.payload);
      if (!(await this.handleWithRetry(group, handler, busMessages, payloads))) return;
      const offsets = slices
        .filter(({ entry }) => !entry.payload.isStale())
        .map(({ entry, messages }) => {
          const last = messages[messages.length - 1].offset;
          entry.payload.resolveOffset(last);
          entry.next += messages.length;
          return { topic: entry.payload.batch.topic, partition: entry.payload.batch.partition, offset: (BigInt(last) + 1n).toString() };
        });
      if (offsets.length) await consumer.commitOffsets(offsets);
      await payloads[0].heartbeat();
    }
  }

  /** False when the consumer stopped, or a partition of the chunk was lost, while retrying. */
  private async handleWithRetry(
    group: string,
    handler: MessageHandler,
    messages: BusMessage[],
    payloads: EachBatchPayload[],
  ): Promise<boolean> {
    let pause = this.options.retryMs ?? 200;
    for (;;) {
      if (payloads.some((p) => !p.isRunning() || p.isStale())) return false;
      try {
        if (messages.length) await handler(messages);
        return true;
      } catch (error) {
        const where = payloads.map((p) => `${p.batch.topic}[${p.batch.partition}]`).join(', ');
        console.warn(`kafka group ${group}: batch of ${where} failed, retrying in ${pause} ms: ${(error as Error).message}`);
        await payloads[0].heartbeat();
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, 10_000);
      }
    }
  }

  async ping(): Promise<Record<string, unknown>> {
    const cluster = await this.admin.describeCluster();
    return { brokers: cluster.brokers.length, controller: cluster.controller };
  }

  async lag(group: string, topics: string[]): Promise<number> {
    let lag = 0n;
    for (const name of topics) {
      const topic = this.onBroker(name);
      const ends = await this.admin.fetchTopicOffsets(topic);
      const [committed] = await this.admin.fetchOffsets({ groupId: this.onBroker(group), topics: [topic] });
      for (const end of ends) {
        const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        const from = BigInt(at) < 0n ? BigInt(end.low) : BigInt(at);
        if (BigInt(end.high) > from) lag += BigInt(end.high) - from;
      }
    }
    return Number(lag);
  }

  async deadLetter(letter: Omit<DeadLetter, 'at'>): Promise<void> {
    await this.ensureTopics([deadLetterTopic(letter.group)]);
    const topic = this.onBroker(deadLetterTopic(letter.group));
    await this.producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: letter.key,
          value: letter.payload,
          headers: { reason: letter.reason, topic: letter.topic, group: letter.group, at: new Date().toISOString() },
        },
      ],
    });
  }

  /** Reads the group's dead-letter topic from the start to its current end. */
  async deadLetters(group: string): Promise<DeadLetter[]> {
    const topic = this.onBroker(deadLetterTopic(group));
    if (!(await this.admin.listTopics()).includes(topic)) return [];
    const offsets = await this.admin.fetchTopicOffsets(topic);
    const expected = offsets.reduce((n, o) => n + Number(BigInt(o.high) - BigInt(o.low)), 0);
    if (expected === 0) return [];
    const letters: Array<DeadLetter & { order: string }> = [];
    const reader = this.kafka.consumer({ groupId: `dead-letter-reader-${randomUUID()}` });
    await reader.connect();
    try {
      await reader.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), 30_000);
        reader
          .run({
            eachMessage: async ({ message, partition }) => {
              letters.push({
                group: header(message.headers, 'group') ?? group,
                topic: header(message.headers, 'topic') ?? '',
                key: message.key ? message.key.toString('utf8') : null,
                reason: header(message.headers, 'reason') ?? '',
                payload: message.value?.toString('utf8') ?? '',
                at: header(message.headers, 'at') ?? new Date(Number(message.timestamp)).toISOString(),
                order: `${message.timestamp.padStart(15, '0')}:${partition}:${message.offset.padStart(12, '0')}`,
              });
              if (letters.length >= expected) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await reader.disconnect();
    }
    return letters.sort((a, b) => (a.order < b.order ? -1 : 1)).map(({ order: _order, ...letter }) => letter);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await this.producer.disconnect();
    await this.admin.disconnect();
  }
}
