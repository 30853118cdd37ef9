import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importDirective, importRegistryOf } from '@dm/directive-import';
import { defaultRegistry } from '@dm/registry';
import { seed4308Directive } from '@dm/testing';
import type { DirectiveDraft } from '@dm/contracts';
import {
  deadlineOutcome,
  fold,
  matchTasks,
  ratio,
  sameName,
  scoreAgencies,
  type Counts,
  type DeadlineOutcome,
  type ExpectedAgency,
  type ExpectedTask,
  type FoundTask,
} from './match';

/**
 * `npm run import:accuracy`: the directive import measured on the held-out corpus
 * (libs/directive-import/corpus, its README says where each text comes from and how a
 * draft is scored) and on the seed letter. A table, or `--json`; `--details` lists what
 * was missed. The `*.ocr.txt` copies come from `npm run import:ocr-noise` (write-ocr.ts).
 * corpus/fresh (its README) is summed as a group of its own, "fresh held-out (written after the
 * parser froze)", and left out of the older groups' sums.
 */

interface Expected {
  document: string;
  realOcr?: boolean;
  /** The date the registry is read on when the text's own date is unreadable. */
  registryOn?: string;
  header: { number: string | null; issuer: ExpectedAgency | null; issuedOn: string | null };
  tasks: ExpectedTask[];
}

interface DocumentScore {
  document: string;
  error: string | null;
  tasks: { expected: number; found: number; matched: number; byNumber: number };
  lead: Counts;
  coordinating: Counts;
  deadlines: Record<DeadlineOutcome, number>;
  header: {
    right: number;
    scored: number;
    fields: Record<string, { expected: string | null; found: string | null; right: boolean | null }>;
  };
  details: string[];
}

const REGISTRY_FLOOR = '2016-01-01'; // the default registry's first edition is valid from then

function foundTasks(draft: DirectiveDraft): FoundTask[] {
  return draft.tasks.map((t) => ({
    number: t.number,
    text: t.text,
    lead: t.lead.map((a) => ({ text: a.text, agencyId: a.agencyId })),
    coordinating: t.coordinating.map((a) => ({ text: a.text, agencyId: a.agencyId })),
    deadline: t.deadline,
    deadlineText: t.deadlineText,
    recurring: t.recurring ? { every: t.recurring.every, continuous: t.recurring.continuous } : null,
    reportDuty: t.reportDuty,
  }));
}

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const emptyDeadlines = (): Record<DeadlineOutcome, number> => ({ right: 0, wrong: 0, missed: 0, invented: 0, 'none-kept': 0 });

export function scoreDocument(name: string, expected: Expected, draft: DirectiveDraft | null, error: string | null): DocumentScore {
  const score: DocumentScore = {
    document: name,
    error,
    tasks: { expected: expected.tasks.length, found: draft?.tasks.length ?? 0, matched: 0, byNumber: 0 },
    lead: zero(),
    coordinating: zero(),
    deadlines: emptyDeadlines(),
    header: { right: 0, scored: 0, fields: {} },
    details: [],
  };
  const h = expected.header;
  const headerField = (field: string, want: string | null, got: string | null, right: boolean) => {
    score.header.fields[field] = { expected: want, found: got, right: want === null ? null : right };
    if (want === null) return;
    score.header.scored++;
    if (right) score.header.right++;
    else score.details.push(`header ${field}: expected ${want}, found ${got ?? '—'}`);
  };
  const num = (s: string | null | undefined) => (s ? fold(s).replace(/\s/g, '') : null);
  headerField('number', h.number, draft?.number ?? null, num(h.number) === num(draft?.number));
  const issuerText = draft?.names.issuer?.text ?? null;
  const issuerRight =
    !!h.issuer &&
    ((!!h.issuer.id && draft?.issuer === h.issuer.id) ||
      (!!issuerText && [h.issuer.name, ...(h.issuer.aliases ?? [])].some((n) => !!n && sameName(n, issuerText))));
  headerField('issuer', h.issuer ? (h.issuer.id ?? h.issuer.name ?? null) : null, draft?.issuer ?? issuerText, issuerRight);
  headerField('issuedOn', h.issuedOn, draft?.issuedOn ?? null, h.issuedOn === (draft?.issuedOn ?? null));
  if (!draft) return score;

  const found = foundTasks(draft);
  const pairs = matchTasks(expected.tasks, found);
  score.tasks.matched = pairs.length;
  score.tasks.byNumber = pairs.filter((p) => p.by === 'number').length;
  const matchedE = new Set(pairs.map((p) => p.expected));
  const matchedF = new Set(pairs.map((p) => p.found));
  expected.tasks.forEach((t, i) => {
    if (!matchedE.has(i)) score.details.push(`task ${t.number ?? '(unnumbered)'} not found: "${t.text.slice(0, 70)}…"`);
  });
  found.forEach((t, j) => {
    if (!matchedF.has(j)) score.details.push(`extra task ${t.number}: "${t.text.slice(0, 70)}…"`);
  });
  for (const p of pairs) {
    const e = expected.tasks[p.expected]!;
    const f = found[p.found]!;
    const label = `task ${e.number ?? '(unnumbered)'}${normalize(e.number) === normalize(f.number) ? '' : ` (found as ${f.number})`}`;
    const lead = scoreAgencies(e.lead, f.lead);
    const coordinating = scoreAgencies(e.coordinating, f.coordinating);
    score.lead = add(score.lead, lead);
    score.coordinating = add(score.coordinating, coordinating);
    if (lead.missed.length || lead.extra.length)
      score.details.push(`${label} lead: missed [${lead.missed.join('; ')}] extra [${lead.extra.join('; ')}]`);
    if (coordinating.missed.length || coordinating.extra.length)
      score.details.push(`${label} coordinating: missed [${coordinating.missed.join('; ')}] extra [${coordinating.extra.join('; ')}]`);
    const outcome = deadlineOutcome(e.deadline, f);
    score.deadlines[outcome]++;
    if (outcome !== 'right' && outcome !== 'none-kept') {
      const want = e.deadline ? (e.deadline.date ?? e.deadline.recurring) + ` ("${e.deadline.text}")` : 'none';
      const got = f.deadline ?? (f.recurring ? (f.recurring.continuous ? 'continuous' : f.recurring.every) : 'none');
      const inReport = outcome === 'missed' && f.reportDuty ? ` (report duty: "${f.reportDuty}")` : '';
      score.details.push(
        `${label} deadline ${outcome}: expected ${want}, found ${got}${f.deadlineText ? ` ("${f.deadlineText}")` : ''}${inReport}`,
      );
    }
  }
  return score;
}

const normalize = (n: string | null) => (n ?? '').toLowerCase().replace(/[\s().]+$/g, '');

function seedExpected(): Expected {
  const seed = seed4308Directive();
  return {
    document: 'seed 4308-UBND-VX-2017',
    header: { number: seed.number, issuer: { id: seed.issuer }, issuedOn: seed.issuedOn },
    tasks: seed.tasks.map((t) => ({
      number: t.number,
      text: t.text,
      lead: t.lead.map((id) => ({ id })),
      coordinating: t.coordinating.map((id) => ({ id })),
      deadline: null,
    })),
  };
}

interface Case {
  name: string;
  text: string;
  expected: Expected;
  /** From corpus/fresh: answers written after the parser froze, summed as a group of their own. */
  fresh?: boolean;
}

function cases(root: string): Case[] {
  const dir = join(root, 'libs/directive-import/corpus');
  const out: Case[] = [
    {
      name: 'seed-4308',
      text: readFileSync(join(root, 'libs/directive-import/fixtures/4308-UBND-VX-2017.txt'), 'utf8'),
      expected: seedExpected(),
    },
  ];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.txt')) continue;
    const base = file.replace(/(\.ocr)?\.txt$/, '');
    const expectedFile = join(dir, `${base}.expected.json`);
    if (!existsSync(expectedFile)) continue;
    out.push({
      name: file.replace(/\.txt$/, ''),
      text: readFileSync(join(dir, file), 'utf8'),
      expected: JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected,
    });
  }
  const freshDir = join(dir, 'fresh');
  if (existsSync(freshDir)) {
    for (const file of readdirSync(freshDir).sort()) {
      if (!file.endsWith('.txt')) continue;
      const expectedFile = join(freshDir, `${file.replace(/\.txt$/, '')}.expected.json`);
      if (!existsSync(expectedFile)) continue;
      out.push({
        name: `fresh/${file.replace(/\.txt$/, '')}`,
        text: readFileSync(join(freshDir, file), 'utf8'),
        expected: JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected,
        fresh: true,
      });
    }
  }
  return out;
}

const pct = (n: number | null) => (n === null ? '   —' : `${Math.round(n * 100)}%`.padStart(4));

function totals(scores: DocumentScore[]) {
  const t = {
    tasks: { expected: 0, found: 0, matched: 0, byNumber: 0 },
    lead: zero(),
    coordinating: zero(),
    deadlines: emptyDeadlines(),
    header: { right: 0, scored: 0 },
  };
  for (const s of scores) {
    t.tasks.expected += s.tasks.expected;
    t.tasks.found += s.tasks.found;
    t.tasks.matched += s.tasks.matched;
    t.tasks.byNumber += s.tasks.byNumber;
    t.lead = add(t.lead, s.lead);
    t.coordinating = add(t.coordinating, s.coordinating);
    for (const k of Object.keys(t.deadlines) as DeadlineOutcome[]) t.deadlines[k] += s.deadlines[k];
    t.header.right += s.header.right;
    t.header.scored += s.header.scored;
  }
  return t;
}

function figures(s: Pick<DocumentScore, 'tasks' | 'lead' | 'coordinating' | 'deadlines'> & { header: { right: number; scored: number } }) {
  const withDeadline = s.deadlines.right + s.deadlines.wrong + s.deadlines.missed;
  const withoutDeadline = s.deadlines.invented + s.deadlines['none-kept'];
  return {
    taskRecall: ratio(s.tasks.matched, s.tasks.expected),
    taskPrecision: ratio(s.tasks.matched, s.tasks.found),
    leadPrecision: ratio(s.lead.tp, s.lead.tp + s.lead.fp),
    leadRecall: ratio(s.lead.tp, s.lead.tp + s.lead.fn),
    coordinatingPrecision: ratio(s.coordinating.tp, s.coordinating.tp + s.coordinating.fp),
    coordinatingRecall: ratio(s.coordinating.tp, s.coordinating.tp + s.coordinating.fn),
    deadlineExact: ratio(s.deadlines.right, withDeadline),
    deadlinesExpected: withDeadline,
    inventedDeadlines: s.deadlines.invented,
    tasksWithoutDeadline: withoutDeadline,
    headerRight: ratio(s.header.right, s.header.scored),
  };
}

const isSeed = (s: DocumentScore) => s.document.startsWith('seed');
/** The fresh held-out set (corpus/fresh) is its own group; the older groups' sums leave it out, as they were before it. */
const isFresh = (s: DocumentScore) => s.document.startsWith('fresh/');
const FRESH_LABEL = 'fresh held-out (written after the parser froze)';

function table(scores: DocumentScore[]): string {
  const head = ['document', 'tasks exp/found/match', 'lead P', 'lead R', 'coord P', 'coord R', 'deadline exact', 'invented', 'header'];
  const rows = scores.map((s) => {
    const f = figures(s);
    return [
      s.document + (s.error ? ' (error)' : ''),
      `${s.tasks.expected}/${s.tasks.found}/${s.tasks.matched}`,
      pct(f.leadPrecision),
      pct(f.leadRecall),
      pct(f.coordinatingPrecision),
      pct(f.coordinatingRecall),
      `${s.deadlines.right}/${f.deadlinesExpected} ${pct(f.deadlineExact)}`,
      `${f.inventedDeadlines}/${f.tasksWithoutDeadline}`,
      `${s.header.right}/${s.header.scored}`,
    ];
  });
  const sum = (label: string, t: ReturnType<typeof totals>) => {
    const f = figures(t);
    return [
      label,
      `${t.tasks.expected}/${t.tasks.found}/${t.tasks.matched}`,
      pct(f.leadPrecision),
      pct(f.leadRecall),
      pct(f.coordinatingPrecision),
      pct(f.coordinatingRecall),
      `${t.deadlines.right}/${f.deadlinesExpected} ${pct(f.deadlineExact)}`,
      `${f.inventedDeadlines}/${f.tasksWithoutDeadline}`,
      `${t.header.right}/${t.header.scored}`,
    ];
  };
  const older = scores.filter((s) => !isFresh(s));
  const fresh = scores.filter(isFresh);
  const sums = [
    sum('held-out (corpus, no seed)', totals(older.filter((s) => !isSeed(s)))),
    sum('overall (with the seed)', totals(older)),
    ...(fresh.length ? [sum(FRESH_LABEL, totals(fresh))] : []),
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...[...rows, ...sums].map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head), rule, ...rows.map(line), rule, ...sums.map(line)].join('\n');
}

function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'boolean', default: false },
      details: { type: 'boolean', default: false },
      root: { type: 'string', default: process.cwd() },
      only: { type: 'string', default: '' },
    },
  });
  const root = resolve(values.root);
  const registry = defaultRegistry();
  const scores: DocumentScore[] = [];
  for (const c of cases(root)) {
    if (values.only && !c.name.includes(values.only)) continue;
    const on = [c.expected.header.issuedOn ?? c.expected.registryOn ?? REGISTRY_FLOOR, REGISTRY_FLOOR].sort().at(-1)!;
    let draft: DirectiveDraft | null = null;
    let error: string | null = null;
    try {
      draft = importDirective(c.text, importRegistryOf(registry.state, on), { today: on });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    scores.push(scoreDocument(c.name, c.expected, draft, error));
  }
  if (values.json) {
    const older = scores.filter((s) => !isFresh(s));
    const heldOut = totals(older.filter((s) => !isSeed(s)));
    const all = totals(older);
    const fresh = totals(scores.filter(isFresh));
    const documents = scores.map((s) => ({ ...s, figures: figures(s) }));
    console.log(
      JSON.stringify(
        {
          documents,
          heldOut: { ...heldOut, figures: figures(heldOut) },
          overall: { ...all, figures: figures(all) },
          fresh: { label: FRESH_LABEL, ...fresh, figures: figures(fresh) },
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(table(scores));
  console.log(
    '\nlead/coord P and R: over matched tasks, by registry id where expected has one, else by folded name; deadline exact: right/(matched tasks whose text sets one); invented: deadlines found / matched tasks whose text sets none; header: number, issuer, date right / readable in the text.',
  );
  for (const s of scores) {
    if (s.error) console.log(`\n${s.document}: importDirective threw: ${s.error}`);
    if (values.details && s.details.length) console.log(`\n${s.document}\n  ${s.details.join('\n  ')}`);
  }
}

if (require.main === module) main();
