import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const IMPORT_USAGE = `  import <file.txt> [--issue] [--agency <id>] [--url http://localhost:3000]
        reads a directive's text (UTF-8) into a draft to review, and prints the draft as JSON: nothing
        else goes to standard output (the project's .npmrc keeps npm's own banner off it). --issue then
        issues it as it stands and prints the directive; when it cannot (an agency not placed, no
        issuer...) it exits 1 with the problem's fields on standard error. As a monitoring officer of
        --agency (default: the draft's issuer, to issue). Without --url it starts the embedded system
        in-process for the call`;

const OPTIONS = { issue: { type: 'boolean' }, agency: { type: 'string' }, url: { type: 'string' } } as const;

export const importUrl = (args: string[]): string | undefined => parseArgs({ args, options: OPTIONS, allowPositionals: true }).values.url;

interface Problem {
  title?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

/**
 * `import <file>`: the file's bytes sent as text/plain to POST
 * /api/v1/directives/import (the server checks they are UTF-8 text), the
 * draft printed; with --issue, POST …/imports/{draftId}/issue and the
 * directive printed. Only the answer goes to `out`; every message to `err`.
 */
export async function runImport(
  args: string[],
  server: { url: string; sign: (agencyId: string | null) => string },
  out: (text: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    err(`import needs one file\n${IMPORT_USAGE}`);
    return 2;
  }
  const text = readFileSync(file);
  const agency = values.agency ?? null;
  const imported = await send(server.url, 'POST', '/api/v1/directives/import', server.sign(agency), text, 'text/plain; charset=utf-8');
  if (imported.status !== 201) return refused(err, `import of ${file}`, imported);
  const draft = imported.body as { draftId: string; issuer: string | null };
  if (!values.issue) {
    out(JSON.stringify(draft, null, 2));
    return 0;
  }
  const issuing = server.sign(agency ?? draft.issuer);
  const issued = await send(server.url, 'POST', `/api/v1/directives/imports/${draft.draftId}/issue`, issuing);
  if (issued.status !== 201) {
    refused(err, `issue of ${file}`, issued);
    err(`draft ${draft.draftId} is kept: correct it (PUT /api/v1/directives/imports/${draft.draftId}, or in the web app), then issue it`);
    return 1;
  }
  out(JSON.stringify(issued.body, null, 2));
  return 0;
}

async function send(base: string, method: string, path: string, token: string, body?: Buffer, contentType?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  });
  const answer = await response.text();
  let parsed: unknown = answer;
  try {
    parsed = JSON.parse(answer);
  } catch {
    // Not JSON: reported as it is.
  }
  return { status: response.status, body: parsed };
}

function refused(err: (line: string) => void, what: string, answer: { status: number; body: unknown }): number {
  const problem = (typeof answer.body === 'object' && answer.body ? answer.body : { detail: String(answer.body) }) as Problem;
  err(`${what}: ${answer.status} ${problem.title ?? ''}${problem.detail ? `: ${problem.detail}` : ''}`);
  for (const e of problem.errors ?? []) err(`  ${e.field}: ${e.message}`);
  return 1;
}
