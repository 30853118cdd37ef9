import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ROLES, type UserRole } from '@dm/contracts';
import { signingKeysDirOf, SigningKeys, TokenService } from '@dm/platform';
import {
  embeddedIdentityStores,
  EmbeddedRuntime,
  identityContextOf,
  loadEmbeddedConfig,
  loadServiceConfig,
  openEventStore,
  describeProgress,
  rebuildReadModels,
  seedDefaultRegistry,
  serviceIdentityStores,
  SqliteEventStore,
  startEmbedded,
} from '@dm/composition';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { ADMIN_USAGE, runAdmin, type AdminTarget } from './admin';
import { loadOrCreateAuditKeys } from '@dm/composition';
import { ApiClient, runDemo } from '@dm/testing';
import { REGISTRY_USAGE, registryUrl, runRegistry } from './registry';
import { REPORT_USAGE, runReport } from './report';
import { IMPORT_USAGE, importUrl, runImport } from './import';

const USAGE = `usage: npm run cli -- <command>
  token --sub <user> --role <${ROLES.join('|')}> [--agency <id>] [--name <name>] [--ttl 12h]
        prints a bearer token signed with the current key of MONITOR_DATA_DIR/keys, which the embedded
        server accepts (or of SIGNING_KEYS_DIR: task-assignment's, for the distributed form)
  keys rotate | keys list
        rotate: a new signing key signs from now on; older keys keep verifying until their tokens
        have expired (then a rotation drops them). list: the keys, newest last
  demo [--url http://localhost:3000]
        issues letter 4308/UBND-VX and a year of progress through the API
        (without --url it starts the embedded system in-process for the run)
  rebuild
        truncates the read models and replays every event store into them (stop the server first)
  verify <export.jsonl> --public-key <file>
        checks an audit export offline: signatures, chains, the Merkle tree (without Nest or a server)
  audit public-key
        prints the public key that checks this data directory's checkpoints
${ADMIN_USAGE}
${REGISTRY_USAGE}
${REPORT_USAGE}
${IMPORT_USAGE}`;

/** Signs with the current key of the data directory's ring (SIGNING_KEYS_DIR: the distributed form's sign-in component's). */
const signingTokens = (dataDir: string) => TokenService.holdingKeys(signingKeysDirOf(dataDir));

/**
 * The identity context the admin command works on: the embedded data
 * directory's files, or, where the environment names the distributed form's
 * stores (EVENT_STORE, READ_STORE), task-assignment's. The default registry
 * is loaded first, so that an agency can be named before the first start.
 */
async function adminTarget(dataDir: string): Promise<AdminTarget> {
  const tokens = signingTokens(dataDir);
  const distributed = process.env.EVENT_STORE || process.env.READ_STORE;
  const config = distributed ? loadServiceConfig('task-assignment') : null;
  if (!config) mkdirSync(dataDir, { recursive: true });
  const stores = config ? await serviceIdentityStores(config) : embeddedIdentityStores(dataDir);
  const directives = config
    ? await openEventStore(config)
    : new SqliteEventStore({ name: 'task-assignment', file: join(dataDir, 'task-assignment.events.db') });
  await seedDefaultRegistry(directives);
  const identity = identityContextOf(stores, directives, tokens, {});
  await identity.start();
  return {
    accounts: (execute) => identity.accounts(execute),
    identityStore: stores.eventStore,
    close: async () => {
      await stores.eventStore.close();
      await stores.readStore.close();
      await directives.close();
    },
  };
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadEmbeddedConfig();
  switch (command) {
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: {
          sub: { type: 'string' },
          role: { type: 'string', multiple: true },
          agency: { type: 'string' },
          name: { type: 'string' },
          ttl: { type: 'string' },
        },
      });
      const roles = values.role ?? [];
      if (!values.sub || roles.length === 0) throw new Error(`token needs --sub and --role\n${USAGE}`);
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) throw new Error(`unknown role ${bad.join(', ')}; roles are ${ROLES.join(', ')}`);
      const tokens = signingTokens(config.dataDir);
      console.log(
        tokens.sign(
          { sub: values.sub, name: values.name, agencyId: values.agency ?? null, roles: roles as UserRole[] },
          (values.ttl ?? '12h') as never,
        ),
      );
      return;
    }
    case 'keys': {
      const [action] = rest;
      const dir = signingKeysDirOf(config.dataDir);
      if (action === 'rotate') {
        const rotated = SigningKeys.loadOrCreate(dir).rotate();
        console.log(`signing with ${rotated.kid} from now on`);
        if (rotated.retired.length) console.log(`still verifying until their tokens expire: ${rotated.retired.join(', ')}`);
        if (rotated.dropped.length) console.log(`dropped (every token they signed has expired): ${rotated.dropped.join(', ')}`);
        return;
      }
      if (action === 'list') {
        for (const key of SigningKeys.loadOrCreate(dir).list())
          console.log(`${key.kid}  ${key.alg}  created ${key.createdAt}  ${key.retiredAt ? `retired ${key.retiredAt}` : 'signing'}`);
        return;
      }
      throw new Error(`keys needs rotate or list\n${USAGE}`);
    }
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { url: { type: 'string' } } });
      const tokens = signingTokens(config.dataDir);
      if (values.url) {
        await runDemo(values.url.replace(/\/$/, ''), (claims) => tokens.sign(claims), console.log);
        return;
      }
      const server = await startEmbedded({ dataDir: config.dataDir, logger: false });
      try {
        await runDemo(server.url, (claims) => tokens.sign(claims), console.log);
      } finally {
        await server.close();
      }
      return;
    }
    case 'registry': {
      const tokens = signingTokens(config.dataDir);
      const token = tokens.sign({ sub: process.env.USER ?? 'cli', name: 'CLI', agencyId: null, roles: ['admin'] }, '1h');
      const url = registryUrl(rest);
      if (url) {
        process.exitCode = await runRegistry(rest, new ApiClient(url.replace(/\/$/, ''), token), console.log);
        return;
      }
      const server = await startEmbedded({ dataDir: config.dataDir, logger: false });
      try {
        process.exitCode = await runRegistry(rest, new ApiClient(server.url, token), console.log);
      } finally {
        await server.close();
      }
      return;
    }
    case 'report': {
      const tokens = signingTokens(config.dataDir);
      const sign = (agencyId: string | null) =>
        tokens.sign({ sub: process.env.USER ?? 'cli', name: 'CLI', agencyId, roles: [agencyId ? 'monitoring_officer' : 'admin'] }, '1h');
      await runReport(rest, async (url) => {
        if (url) return { url: url.replace(/\/$/, ''), sign, close: async () => undefined };
        // A file is written; nobody is urged by it.
        process.env.URGING ??= 'off';
        const server = await startEmbedded({ dataDir: config.dataDir, logger: false });
        return { url: server.url, sign, close: () => server.close() };
      });
      return;
    }
    case 'import': {
      // Standard output carries the draft (or the directive) alone: whatever else prints goes to standard error.
      const write = (text: string) => process.stdout.write(`${text}\n`);
      console.log = console.info = (...parts: unknown[]) => console.error(...parts);
      const tokens = signingTokens(config.dataDir);
      const sign = (agencyId: string | null) =>
        tokens.sign({ sub: process.env.USER ?? 'cli', name: 'CLI', agencyId, roles: ['monitoring_officer'] }, '1h');
      const url = importUrl(rest);
      if (url) {
        process.exitCode = await runImport(rest, { url: url.replace(/\/$/, ''), sign }, write, console.error);
        return;
      }
      process.env.URGING ??= 'off';
      const server = await startEmbedded({ dataDir: config.dataDir, logger: false });
      try {
        process.exitCode = await runImport(rest, { url: server.url, sign }, write, console.error);
      } finally {
        await server.close();
      }
      return;
    }
    case 'admin': {
      process.exitCode = await runAdmin(rest, () => adminTarget(config.dataDir), console.log);
      return;
    }
    case 'rebuild': {
      const runtime = new EmbeddedRuntime(config.dataDir);
      try {
        // Progress on standard error, the result on standard output.
        const { events, seconds } = await rebuildReadModels(runtime, {
          onProgress: (progress) => process.stderr.write(`rebuild: ${describeProgress(progress)}\n`),
        });
        console.log(`rebuilt read models from ${events} events in ${seconds.toFixed(2)} s (${Math.round(events / seconds)} events/s)`);
      } finally {
        await runtime.close();
      }
      return;
    }
    case 'audit': {
      if (rest[0] !== 'public-key') throw new Error(`audit needs a subcommand: public-key\n${USAGE}`);
      process.stdout.write(loadOrCreateAuditKeys(config.dataDir).publicKeyPem);
      return;
    }
    default:
      console.log(USAGE);
      if (command && command !== 'help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
