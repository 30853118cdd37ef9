import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicKeyFromPem, verifyExport, type ExportReport } from '@dm/audit';
import { canonicalJson, eventHash, GENESIS_HASH } from '@dm/contracts';
import { startEmbedded, type EmbeddedServer } from '@dm/composition';
import { ApiClient, seed4308Directive } from '@dm/testing';

/**
 * The database file edited behind the server's back, as its administrator
 * could (docs/audit.md, "What verification catches"): each edit is named by
 * GET /api/v1/audit/verify, store, position and stream, after a restart.
 */
describe('tampering with the event store file is caught and named', () => {
  const pristine = mkdtempSync(join(tmpdir(), 'dm-tamper-'));
  const copies: string[] = [];
  let head = 0;

  async function start(dataDir: string): Promise<EmbeddedServer> {
    return startEmbedded({ dataDir, logger: false });
  }
  const client = (server: EmbeddedServer, sub: string, role: 'inspector' | 'monitoring_officer' | 'agency_officer', agencyId: string) =>
    new ApiClient(server.url, server.runtime.tokens.sign({ sub, agencyId, roles: [role] }));

  beforeAll(async () => {
    const server = await start(pristine);
    try {
      const monitoring = client(server, 'mo', 'monitoring_officer', 'vp-ubnd-tinh');
      const issued = await monitoring.post('/api/v1/directives', seed4308Directive());
      expect(issued.status).toBe(201);
      const leads = issued.body.assignments.filter((a: { role: string }) => a.role === 'lead').slice(0, 6);
      for (let round = 1; round <= 4; round++)
        for (const a of leads) {
          const officer = client(server, `ao-${a.agencyId}`, 'agency_officer', a.agencyId);
          const body = { reportedOn: `2017-03-0${round}`, summary: `Báo cáo tiến độ lần ${round}`, percent: round * 20 };
          expect((await officer.post(`/api/v1/assignments/${a.id}/progress`, body)).status).toBe(201);
        }
      const inspector = client(server, 'inspector', 'inspector', 'thanh-tra-tinh');
      expect((await inspector.post('/api/v1/audit/checkpoints', {})).status).toBe(201);
      const verified = await inspector.get('/api/v1/audit/verify');
      expect(verified.body).toMatchObject({ ok: true, firstFault: null });
      head = verified.body.stores.find((s: { store: string }) => s.store === 'progress-events').events;
      expect(head).toBe(24);
    } finally {
      await server.close();
    }
  });
  afterAll(() => {
    for (const dir of [pristine, ...copies]) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the pristine data, its progress-events store edited by `edit`, verified by a fresh server. */
  async function verifyAfter(edit: (db: Database.Database, dataDir: string) => void) {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-tamper-copy-'));
    copies.push(dataDir);
    cpSync(pristine, dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'progress-events.events.db'));
    try {
      edit(db, dataDir);
    } finally {
      db.close();
    }
    const server = await start(dataDir);
    try {
      const inspector = client(server, 'inspector', 'inspector', 'thanh-tra-tinh');
      const answer = await inspector.get('/api/v1/audit/verify');
      expect(answer.status).toBe(200);
      expect(answer.body.ok).toBe(false);
      const offline = await offlineReport(inspector, '/api/v1/audit/export?all=true');
      expect(offline.ok).toBe(false);
      expect(offline.fault?.store).toBe('progress-events');
      return { ...answer.body.firstFault, offline: offline.fault };
    } finally {
      await server.close();
    }
  }

  it('passes when nothing was touched, and verifies again after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dm-tamper-copy-'));
    copies.push(dataDir);
    cpSync(pristine, dataDir, { recursive: true });
    const server = await start(dataDir);
    try {
      const answer = await client(server, 'inspector', 'inspector', 'thanh-tra-tinh').get('/api/v1/audit/verify');
      expect(answer.body).toMatchObject({ ok: true, firstFault: null });
      for (const store of answer.body.stores) expect(store.checkpointsChecked).toBeGreaterThanOrEqual(1);
      const inspector = client(server, 'inspector', 'inspector', 'thanh-tra-tinh');
      expect(await offlineReport(inspector, '/api/v1/audit/export?all=true')).toMatchObject({ ok: true, fault: null });
    } finally {
      await server.close();
    }
  });

  it('one byte of a payload changed', async () => {
    const fault = await verifyAfter((db) =>
      db.prepare(`UPDATE events SET data = replace(data, 'lần 2', 'lần 3') WHERE global_position = 8`).run(),
    );
    expect(fault).toMatchObject({ store: 'progress-events', kind: 'hash', position: 8, revision: 1 });
    expect(fault.offline).toMatchObject({ kind: 'hash', position: 8 });
  });

  it('an event deleted', async () => {
    const fault = await verifyAfter((db) => db.prepare('DELETE FROM events WHERE global_position = 9').run());
    expect(fault).toMatchObject({ store: 'progress-events', kind: 'position', expected: 9, found: 10 });
    expect(fault.offline).toMatchObject({ kind: 'position', expected: 9, found: 10 });
  });

  it('two events swapped', async () => {
    const fault = await verifyAfter((db) => {
      db.prepare('UPDATE events SET global_position = -1 WHERE global_position = 4').run();
      db.prepare('UPDATE events SET global_position = 4 WHERE global_position = 5').run();
      db.prepare('UPDATE events SET global_position = 5 WHERE global_position = -1').run();
    });
    expect(fault).toMatchObject({ store: 'progress-events', kind: 'leaf', position: 4 });
    expect(fault.offline).toMatchObject({ kind: 'checkpoint', position: 24 });
  });

  it('one event inserted, its stream re-chained and every hash recomputed', async () => {
    const fault = await verifyAfter((db) => {
      const rows = db.prepare('SELECT * FROM events ORDER BY global_position').all() as Row[];
      const forged = { ...rows[10], event_id: 'inserted-by-hand', data: rows[10].data.replace('lần 2', 'lần 2 (bổ sung)') };
      rewrite(db, [...rows.slice(0, 10), forged, ...rows.slice(10)]);
    });
    expect(fault).toMatchObject({ store: 'progress-events', kind: 'leaf', position: 11, eventId: 'inserted-by-hand' });
    expect(fault.offline).toMatchObject({ kind: 'checkpoint', position: 24 });
  });

  it('a recorded time changed', async () => {
    const fault = await verifyAfter((db) =>
      db.prepare(`UPDATE events SET recorded_at = '2017-03-31T09:00:00.000Z' WHERE global_position = 20`).run(),
    );
    expect(fault).toMatchObject({ store: 'progress-events', kind: 'hash', position: 20 });
    expect(fault.offline).toMatchObject({ kind: 'hash', position: 20 });
  });

  it('the last 10 events cut off with their stream heads: caught by the Merkle log', async () => {
    const fault = await verifyAfter((db) => cutTail(db, 10));
    expect(fault).toMatchObject({ store: 'progress-events', kind: 'truncated', expected: head, found: head - 10 });
    expect(fault.offline).toMatchObject({ kind: 'truncated' });
  });

  it('the last 10 events cut off with their stream heads, the Merkle log and the checkpoints in the database: caught by the checkpoint file', async () => {
    const fault = await verifyAfter((db, dataDir) => {
      cutTail(db, 10);
      rmSync(join(dataDir, 'audit.db'));
    });
    expect(fault).toMatchObject({ store: 'progress-events', kind: 'truncated', expected: head, found: head - 10 });
    expect(fault.message).toMatch(/checkpoint of/);
    expect(fault.offline).toMatchObject({ kind: 'truncated', expected: head, found: head - 10 });
  });
});

/** An export fetched from the server, checked offline with the public key it serves. */
async function offlineReport(inspector: ApiClient, path: string): Promise<ExportReport> {
  const key = await inspector.get('/api/v1/audit/public-key');
  const exported = await inspector.get<string>(path);
  expect(exported.status).toBe(200);
  async function* lines() {
    yield* exported.body.split('\n');
  }
  return verifyExport(lines(), publicKeyFromPem(key.body.pem));
}

interface Row {
  global_position: number;
  stream_id: string;
  stream_revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  actor: string;
  data: string;
  metadata: string;
  correlation_id: string;
  causation_id: string | null;
  prev_hash: string;
  hash: string;
}

/** Writes `rows` as the whole history, as a careful attacker would: positions, revisions, chains and heads all consistent. */
function rewrite(db: Database.Database, rows: Row[]) {
  const heads = new Map<string, { revision: number; hash: string }>();
  const written = rows.map((row, i) => {
    const last = heads.get(row.stream_id);
    const revision = last ? last.revision + 1 : 0;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const event = {
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      streamId: row.stream_id,
      streamRevision: revision,
      occurredAt: row.occurred_at,
      recordedAt: row.recorded_at,
      actor: JSON.parse(row.actor),
      correlationId: row.correlation_id,
      causationId: row.causation_id,
      data: JSON.parse(row.data),
      metadata: JSON.parse(row.metadata),
    };
    const hash = eventHash(prevHash, event);
    heads.set(row.stream_id, { revision, hash });
    return { ...row, global_position: i + 1, stream_revision: revision, prev_hash: prevHash, hash, data: canonicalJson(event.data) };
  });
  db.transaction(() => {
    db.prepare('DELETE FROM events').run();
    const insert = db.prepare(`INSERT INTO events VALUES (@global_position, @stream_id, @stream_revision, @event_id, @type, @schema_version,
      @occurred_at, @recorded_at, @actor, @data, @metadata, @correlation_id, @causation_id, @prev_hash, @hash)`);
    for (const row of written) insert.run(row);
  })();
}

/** Deletes the last `count` events (each stream's head is its last event left). */
function cutTail(db: Database.Database, count: number) {
  const rows = db.prepare('SELECT * FROM events ORDER BY global_position').all() as Row[];
  rewrite(db, rows.slice(0, rows.length - count));
}
