import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ROLES, type UserRole } from '@dm/contracts';
import { loadOrCreateJwtKey, TokenService } from '@dm/platform';
import {
  embeddedIdentityStores,
  EmbeddedRuntime,
  identityContextOf,
  loadEmbeddedConfig,
  loadServiceConfig,
  openEventStore,
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

const USAGE = `usage: npm run cli -- <command>
  token --sub <user> --role <${ROLES.join('|')}> [--agency <id>] [--name <name>] [--ttl 12h]
        prints a bearer token the embedded server on the same MONITOR_DATA_DIR accepts
        (or, with JWT_SECRET set, the services of the distributed form)
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
${REPORT_USAGE}`;

/** The shared key of the distributed form (JWT_SECRET, base64), else the embedded server's key file. */
function signingKey(dataDir: string): Buffer {
  const secret = process.env.JWT_SECRET;
  return secret ? Buffer.from(secret, 'base64') : loadOrCreateJwtKey(dataDir);
}

/**
 * The identity context the admin command works on: the embedded data
 * directory's files, or, where the environment names the distributed form's
 * stores (EVENT_STORE, READ_STORE), task-assignment's. The default registry
 * is loaded first, so that an agency can be named before the first start.
 */
async function adminTarget(dataDir: string): Promise<AdminTarget> {
  const tokens = new TokenService(signingKey(dataDir));
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
      const tokens = new TokenService(signingKey(config.dataDir));
      console.log(
        tokens.sign(
          { sub: values.sub, name: values.name, agencyId: values.agency ?? null, roles: roles as UserRole[] },
          (values.ttl ?? '12h') as never,
        ),
      );
      return;
    }
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { url: { type: 'string' } } });
      const tokens = new TokenService(signingKey(config.dataDir));
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
      const tokens = new TokenService(signingKey(config.dataDir));
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
      const tokens = new TokenService(signingKey(config.dataDir));
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
    case 'admin': {
      process.exitCode = await runAdmin(rest, () => adminTarget(config.dataDir), console.log);
      return;
    }
    case 'rebuild': {
      const runtime = new EmbeddedRuntime(config.dataDir);
      try {
        const { events, seconds } = await rebuildReadModels(runtime);
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
