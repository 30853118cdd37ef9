import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { createAccountRequest, disableAccountRequest, password as passwordSchema, username as usernameSchema } from '@dm/contracts';
import type { CommandMetadata, EventStore } from '@dm/eventsourcing';
import { executeDirectly, type Accounts } from '@dm/composition';
import type { z } from 'zod';

export const ADMIN_USAGE = `  admin create --username <name> [--name <display name>] [--agency <id>] [--role admin] …
        creates a local account (default role admin); the password is read from standard input
        when it is not a terminal, else prompted for twice
  admin reset --username <name>          sets a new password (read the same way); ends the account's sessions
  admin disable --username <name> --reason <text>    disables the account and ends its sessions
  admin enable --username <name>
  admin list                              every account: username, roles, agency, disabled
        (embedded: the data directory's files; with EVENT_STORE/READ_STORE set, the stores of task-assignment)`;

/** The parts an admin command works on: the accounts, and the stores to close after. */
export interface AdminTarget {
  accounts(execute: ReturnType<typeof executeDirectly>): Accounts;
  identityStore: EventStore;
  close(): Promise<void>;
}

const cliMetadata = (): CommandMetadata => ({
  commandId: randomUUID(),
  bodyHash: '',
  keyed: false,
  actor: { userId: `cli:${process.env.USER ?? 'operator'}`, agencyId: null, role: 'system' },
  correlationId: randomUUID(),
  occurredAt: new Date().toISOString(),
});

function valid<S extends z.ZodTypeAny>(schema: S, value: unknown, name = 'value'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || name} ${i.message}`).join('; '));
}

/** The whole of standard input (a pipe: `echo "$PASSWORD" | …`), without its last line break. */
async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function prompt(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return valid(passwordSchema, await readPiped(), 'password');
  const first = valid(passwordSchema, await prompt('Mật khẩu / Password: '), 'password');
  if ((await prompt('Nhập lại / Again: ')) !== first) throw new Error('the two passwords differ');
  return first;
}

export async function runAdmin(args: string[], target: () => Promise<AdminTarget>, print: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      reason: { type: 'string' },
    },
  });
  if (!sub || !['create', 'reset', 'disable', 'enable', 'list'].includes(sub)) throw new Error(`admin needs a subcommand\n${ADMIN_USAGE}`);
  const username = sub === 'list' ? '' : valid(usernameSchema, values.username, '--username');
  const password = sub === 'create' || sub === 'reset' ? await readPassword() : '';
  const opened = await target();
  try {
    const accounts = opened.accounts(executeDirectly(opened.identityStore));
    switch (sub) {
      case 'create': {
        const request = valid(createAccountRequest, {
          username,
          password,
          displayName: values.name ?? username,
          agencyId: values.agency ?? null,
          roles: values.role ?? ['admin'],
        });
        const account = await accounts.create(request, cliMetadata());
        print(`created ${account.username} (${account.roles.join(', ')}${account.agencyId ? `, ${account.agencyId}` : ''})`);
        break;
      }
      case 'reset':
        await accounts.setPassword(username, { password, reset: true }, cliMetadata());
        print(`password of ${username} set; its sessions ended`);
        break;
      case 'disable':
        await accounts.disable(username, valid(disableAccountRequest, { reason: values.reason }).reason, cliMetadata());
        print(`${username} disabled; its sessions ended`);
        break;
      case 'enable':
        await accounts.enable(username, cliMetadata());
        print(`${username} enabled`);
        break;
      case 'list':
        for (const a of await accounts.directory.list())
          print([a.username, a.roles.join(','), a.agencyId ?? '-', a.disabled ? 'disabled' : 'enabled', a.displayName].join('\t'));
        break;
    }
    return 0;
  } finally {
    await opened.close();
  }
}
