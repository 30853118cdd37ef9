import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { today } from '@dm/periods';
import { editionFromCsv } from '@dm/registry';
import type { ApiClient, ApiResponse } from '@dm/testing';

export const REGISTRY_USAGE = `  registry <action> [--url http://localhost:3000]   changes and reads the agency registry through the API, as an admin
                                                    (without --url it starts the embedded system in-process for the call)
    import <file.json|file.csv> [--effective-on D --reason R --document DOC --edition NAME]
        loads an edition; each difference becomes a change event (what the file does not state: the options,
        else today as effectiveOn, the file's name as edition and authorising document)
    create-agency --id ID --name NAME --kind KIND --valid-from D [--parent ID] [--group G]... [--alias A]... --reason R --document DOC
    rename <id> --name NAME --effective-on D [--alias A]... --reason R --document DOC
    end <id> --valid-to D [--successor ID[:duties]]... --reason R --document DOC
    create-group --id ID --name NAME --valid-from D [--member ID]... --reason R --document DOC
    end-group <id> --valid-to D --reason R --document DOC
    members <group> --effective-on D [--add ID]... [--remove ID]... --reason R --document DOC
    transfer <id> --to SUCCESSOR [--on D] --reason R --document DOC
        moves an ended agency's open assignments, and the directives it monitors, to its successor
    show <id> [--as-of D] | group <id> [--as-of D] | timeline [--after REVISION] [--limit N]`;

const OPTIONS = {
  url: { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  parent: { type: 'string' },
  group: { type: 'string', multiple: true },
  alias: { type: 'string', multiple: true },
  member: { type: 'string', multiple: true },
  add: { type: 'string', multiple: true },
  remove: { type: 'string', multiple: true },
  successor: { type: 'string', multiple: true },
  to: { type: 'string' },
  on: { type: 'string' },
  reason: { type: 'string' },
  document: { type: 'string' },
  edition: { type: 'string' },
  'effective-on': { type: 'string' },
  'valid-from': { type: 'string' },
  'valid-to': { type: 'string' },
  'as-of': { type: 'string' },
  after: { type: 'string' },
  limit: { type: 'string' },
} as const;

export function registryUrl(args: string[]): string | undefined {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true }).values.url;
}

/** One registry action through the API; resolves to the process exit code (0 when the API answered 2xx). */
export async function runRegistry(args: string[], api: ApiClient, print: (line: string) => void): Promise<number> {
  const { values: v, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const [action, target] = positionals;
  const why = { reason: v.reason, authorizingDocument: v.document };
  const need = (name: string, value: unknown) => {
    if (value === undefined) throw new Error(`registry ${action} needs ${name}`);
    return value;
  };
  const id = () => encodeURIComponent(String(need('<id>', target)));
  let response: ApiResponse;
  switch (action) {
    case 'import':
      response = await api.post('/api/v1/registry/import', readEdition(String(need('<file>', target)), v));
      break;
    case 'create-agency':
      response = await api.post('/api/v1/registry/agencies', {
        ...why,
        id: v.id,
        name: v.name,
        kind: v.kind,
        parent: v.parent ?? null,
        groups: v.group ?? [],
        aliases: v.alias ?? [],
        validFrom: v['valid-from'],
      });
      break;
    case 'rename':
      response = await api.post(`/api/v1/registry/agencies/${id()}/rename`, {
        ...why,
        name: v.name,
        effectiveOn: v['effective-on'],
        ...(v.alias ? { aliases: v.alias } : {}),
      });
      break;
    case 'end':
      response = await api.post(`/api/v1/registry/agencies/${id()}/end`, {
        ...why,
        validTo: v['valid-to'],
        successors: (v.successor ?? []).map(successorOf),
      });
      break;
    case 'create-group':
      response = await api.post('/api/v1/registry/groups', {
        ...why,
        id: v.id,
        name: v.name,
        validFrom: v['valid-from'],
        members: v.member ?? [],
      });
      break;
    case 'end-group':
      response = await api.post(`/api/v1/registry/groups/${id()}/end`, { ...why, validTo: v['valid-to'] });
      break;
    case 'members':
      response = await api.post(`/api/v1/registry/groups/${id()}/members`, {
        ...why,
        effectiveOn: v['effective-on'],
        add: v.add ?? [],
        remove: v.remove ?? [],
      });
      break;
    case 'transfer':
      response = await api.post(`/api/v1/registry/agencies/${id()}/transfer`, {
        ...why,
        to: v.to,
        ...(v.on ? { transferredOn: v.on } : {}),
      });
      break;
    case 'show':
      response = await api.get(`/api/v1/agencies/${id()}${v['as-of'] ? `?asOf=${v['as-of']}` : ''}`);
      break;
    case 'group':
      response = await api.get(`/api/v1/agencies/groups/${id()}${v['as-of'] ? `?asOf=${v['as-of']}` : ''}`);
      break;
    case 'timeline': {
      const query = new URLSearchParams({ ...(v.after ? { after: v.after } : {}), ...(v.limit ? { limit: v.limit } : {}) });
      response = await api.get(`/api/v1/registry/timeline?${query}`);
      break;
    }
    default:
      throw new Error(`unknown registry action ${action ?? '(none)'}\n${REGISTRY_USAGE}`);
  }
  print(JSON.stringify(response.body, null, 2));
  return response.status < 300 ? 0 : 1;
}

/** `so-nv:lao động, việc làm` → a successor for those duties; `so-tc` → one for all. */
function successorOf(text: string) {
  const at = text.indexOf(':');
  return at < 0 ? { agencyId: text } : { agencyId: text.slice(0, at), duties: text.slice(at + 1) };
}

/**
 * A JSON edition as written, or a CSV one; what the file does not say comes
 * from the options, else: the file's name as the edition and the
 * authorising document, today as the date its differences take effect.
 */
function readEdition(file: string, v: { reason?: string; document?: string; edition?: string; 'effective-on'?: string }): unknown {
  const text = readFileSync(file, 'utf8');
  const name = basename(file);
  const defaults = {
    edition: basename(file, extname(file)),
    effectiveOn: today(),
    reason: `Nhập danh mục từ tệp ${name}`,
    authorizingDocument: name,
  };
  const given = {
    ...(v.edition ? { edition: v.edition } : {}),
    ...(v['effective-on'] ? { effectiveOn: v['effective-on'] } : {}),
    ...(v.reason ? { reason: v.reason } : {}),
    ...(v.document ? { authorizingDocument: v.document } : {}),
  };
  if (extname(file).toLowerCase() !== '.csv') return { ...defaults, ...(JSON.parse(text) as object), ...given };
  return editionFromCsv(text, { ...defaults, ...given });
}
