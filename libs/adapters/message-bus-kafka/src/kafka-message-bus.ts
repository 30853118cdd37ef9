import { randomUUID } from 'node:crypto';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer as KafkaConsumer,
  type EachBatchPayload,
  type IHeaders,
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

/** Messages handed to a handler at once: one read-model write batch. */
const CHUNK = 500;

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
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          eachBatch: (payload) => this.handleBatch(group, handler, consumer, payload),
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

  /**
   * Hands the batch over in chunks, committing each chunk's offsets after its
   * handler resolved and sending a heartbeat between chunks, so a long batch
   * keeps the consumer in its group.
   */
  private async handleBatch(group: string, handler: MessageHandler, consumer: KafkaConsumer, payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale } = payload;
    for (let start = 0; start < batch.messages.length; start += CHUNK) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + CHUNK);
      const messages: BusMessage[] = [];
      for (const m of chunk) {
        const text = m.value?.toString('utf8') ?? '';
        try {
          messages.push({
            topic: this.fromBroker(batch.topic),
            key: m.key?.toString('utf8') ?? '',
            source: header(m.headers, 'source') ?? 'unknown',
            event: JSON.parse(text) as RecordedEvent,
          });
        } catch (error) {
          await this.deadLetter({
            group,
            topic: this.fromBroker(batch.topic),
            key: m.key?.toString('utf8') ?? null,
            reason: `not JSON: ${(error as Error).message}`,
            payload: text,
          });
        }
      }
      if (!(await this.handleWithRetry(group, handler, messages, payload))) return;
      const last = chunk[chunk.length - 1].offset;
      payload.resolveOffset(last);
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
      await heartbeat();
    }
  }

  /** False when the consumer stopped or lost the partition while retrying. */
  private async handleWithRetry(
    group: string,
    handler: MessageHandler,
    messages: BusMessage[],
    payload: EachBatchPayload,
  ): Promise<boolean> {
    const { batch, heartbeat, isRunning, isStale } = payload;
    let pause = this.options.retryMs ?? 200;
    for (;;) {
      if (!isRunning() || isStale()) return false;
      try {
        if (messages.length) await handler(messages);
        return true;
      } catch (error) {
        console.warn(
          `kafka group ${group}: batch of ${batch.topic}[${batch.partition}] failed, retrying in ${pause} ms: ${(error as Error).message}`,
        );
        await heartbeat();
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
