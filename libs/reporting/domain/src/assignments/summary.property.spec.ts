/* Properties of summaries over generated stories: a directive issued, then any
   mix of reports, decisions, deadline changes, cancellations, closures and
   added tasks, with dates ordered as the deciders keep them. */
import fc from 'fast-check';
import { TASK_MODES, type SummaryBlock } from '@dm/contracts';
import { assignmentId, Story, type TaskSpec } from '../story.fixtures';
import type { AssignmentDoc } from './assignment-doc';
import { summarize, type Summary } from './summary';
import type { ReportWindow } from './tally';

const ISSUED = '2017-02-10';
const LAST = '2017-12-31';
const DAY = 86_400_000;
/** Days from the issue date to the end of 2017. */
const SPAN = (Date.parse(LAST) - Date.parse(ISSUED)) / DAY;

/** `days` after `date`, kept within 2017. */
const plus = (date: string, days: number): string => {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  return d > LAST ? LAST : d;
};
const later = (...dates: string[]): string => dates.reduce((max, d) => (d > max ? d : max));
const pickOf = <T>(items: readonly T[], pick: number): T => items[pick % items.length];

// ---- what is generated: a plan of a story, in plain data ----

const offset = fc.integer({ min: 0, max: SPAN });
/** A gap between two dates of one assignment or task: mostly short, sometimes long. */
const gap = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: SPAN }));

const taskArb = fc.record({
  deadline: fc.option(offset, { nil: null }),
  lead: fc.subarray(['s1', 's2', 's3'], { minLength: 1 }),
  coordinating: fc.subarray(['c1', 'c2']),
  mode: fc.constantFrom(...TASK_MODES),
});
type TaskGen = typeof taskArb extends fc.Arbitrary<infer T> ? T : never;

const pick = fc.nat({ max: 1000 });
const stepArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('progress' as const),
      pick,
      gap,
      percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('complete' as const),
      pick,
      gap,
      /** The monitoring office's decision, at once (often) or by a later step. */
      decision: fc.constantFrom('confirm' as const, 'confirm' as const, 'giveBack' as const, null),
      decisionGap: gap,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('confirm' as const), pick, gap }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('giveBack' as const), pick, gap }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reopen' as const), pick, gap }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('changeDeadline' as const),
      task: pick,
      agency: fc.option(pick, { nil: null }),
      deadline: fc.option(offset, { nil: null }),
      gap,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), task: pick, agency: fc.option(pick, { nil: null }), gap }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      as: fc.constantFrom('superseded' as const, 'revoked' as const),
      on: offset,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addTask' as const), task: taskArb, on: offset }) },
);

const planArb = fc.record({
  tasks: fc.array(taskArb, { minLength: 1, maxLength: 3 }),
  steps: fc.array(stepArb, { minLength: 3, maxLength: 30, size: 'max' }),
});
type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

// ---- the story a plan gives, with a model of what the deciders would know ----

interface AssignmentModel {
  id: string;
  start: string;
  /** The last completion reported, and what became of it. */
  state: 'none' | 'pending' | 'accepted' | 'returned' | 'reopened';
  completedOn: string;
  /** The latest date of its completion episodes (a new one comes on or after it). */
  lastOn: string;
}

interface TaskModel {
  number: string;
  start: string;
  agencies: string[];
  deadline: string | null;
  /** The changedOn of its last deadline change (its start before any): later changes come on or after it. */
  lastChangedOn: string;
}

interface Built {
  story: Story;
  assignments: AssignmentModel[];
  tasks: TaskModel[];
  /** Every business date the story used: windows ending on, before or after them find the edges. */
  dates: string[];
}

function specOf(number: string, t: TaskGen): TaskSpec {
  return {
    number,
    deadline: t.deadline === null ? null : plus(ISSUED, t.deadline),
    lead: t.lead,
    coordinating: t.coordinating,
    mode: t.mode,
  };
}

function build(plan: Plan): Built {
  const story = new Story('d-1', ISSUED);
  const assignments: AssignmentModel[] = [];
  const tasks: TaskModel[] = [];
  const dates = new Set<string>([ISSUED]);
  const start = (spec: TaskSpec, on: string) => {
    tasks.push({
      number: spec.number,
      start: on,
      agencies: [...spec.lead, ...(spec.coordinating ?? [])],
      deadline: spec.deadline,
      lastChangedOn: on,
    });
    const ids = [
      ...spec.lead.map((agency) => assignmentId(spec.number, agency, 'lead')),
      ...(spec.coordinating ?? []).map((agency) => assignmentId(spec.number, agency, 'coordinating')),
    ];
    for (const id of ids) assignments.push({ id, start: on, state: 'none', completedOn: on, lastOn: on });
    dates.add(on);
    if (spec.deadline !== null) dates.add(spec.deadline);
  };
  /** The first assignment from `pick` on (round the list) in one of `states`. */
  const eligible = (p: number, states: AssignmentModel['state'][]) => {
    for (let i = 0; i < assignments.length; i += 1) {
      const a = assignments[(p + i) % assignments.length];
      if (states.includes(a.state)) return a;
    }
    return undefined;
  };
  const on = (date: string) => (dates.add(date), date);
  /** Accepts or returns the completion awaiting a decision, on or after its date. */
  const decide = (a: AssignmentModel, decision: 'confirm' | 'giveBack', days: number) => {
    a.lastOn = on(plus(a.completedOn, days));
    if (decision === 'confirm') story.confirm(a.id, a.completedOn, a.lastOn);
    else story.giveBack(a.id, a.completedOn, a.lastOn);
    a.state = decision === 'confirm' ? 'accepted' : 'returned';
  };

  const initial = plan.tasks.map((t, i) => specOf(String(i + 1), t));
  story.issue(initial);
  for (const spec of initial) start(spec, ISSUED);
  let closed = false;

  for (const step of plan.steps) {
    switch (step.kind) {
      case 'progress': {
        const a = pickOf(assignments, step.pick);
        story.progress(a.id, on(plus(a.start, step.gap)), step.percent);
        break;
      }
      case 'complete': {
        const a = eligible(step.pick, ['none', 'returned', 'reopened']);
        if (!a) break;
        a.completedOn = a.lastOn = on(plus(a.lastOn, step.gap));
        a.state = 'pending';
        story.complete(a.id, a.completedOn);
        if (step.decision) decide(a, step.decision, step.decisionGap);
        break;
      }
      case 'confirm':
      case 'giveBack': {
        const a = eligible(step.pick, ['pending']);
        if (a) decide(a, step.kind, step.gap);
        break;
      }
      case 'reopen': {
        const a = eligible(step.pick, ['accepted']);
        if (!a) break;
        a.lastOn = on(plus(a.lastOn, step.gap));
        story.reopen(a.id, a.completedOn, a.lastOn);
        a.state = 'reopened';
        break;
      }
      case 'changeDeadline': {
        const t = pickOf(tasks, step.task);
        const agency = step.agency === null ? undefined : pickOf(t.agencies, step.agency);
        const deadline = step.deadline === null ? null : on(plus(ISSUED, step.deadline));
        t.lastChangedOn = on(plus(later(t.start, t.lastChangedOn), step.gap));
        story.changeDeadline(t.number, t.deadline, deadline, t.lastChangedOn, agency);
        if (!agency) t.deadline = deadline;
        break;
      }
      case 'cancel': {
        const t = pickOf(tasks, step.task);
        const agency = step.agency === null ? undefined : pickOf(t.agencies, step.agency);
        story.cancel(t.number, on(plus(t.start, step.gap)), agency);
        break;
      }
      case 'close': {
        if (closed) break;
        closed = true;
        story.close(step.as, on(plus(ISSUED, step.on)));
        break;
      }
      case 'addTask': {
        const spec = specOf(String(tasks.length + 1), step.task);
        const effectiveOn = plus(ISSUED, step.on);
        story.addTask(spec, effectiveOn);
        start(spec, effectiveOn);
        break;
      }
    }
  }
  return { story, assignments, tasks, dates: [...dates].sort() };
}

const docsOf = (story: Story) => [...story.docs().values()] as unknown as AssignmentDoc[];

/** A date within the story's span: any day, or one of the story's own dates, the day before or the day after. */
const dateArb = fc.oneof(
  fc.record({ kind: fc.constant('day' as const), offset }),
  fc.record({ kind: fc.constant('near' as const), pick, delta: fc.constantFrom(-1, 0, 0, 1) }),
);
type DateGen = typeof dateArb extends fc.Arbitrary<infer T> ? T : never;

function dateOf(built: Built, d: DateGen): string {
  const date = d.kind === 'day' ? plus(ISSUED, d.offset) : plus(pickOf(built.dates, d.pick), d.delta);
  return date < ISSUED ? ISSUED : date;
}

function windowOf(built: Built, a: DateGen, b: DateGen): ReportWindow {
  const [from, to] = [dateOf(built, a), dateOf(built, b)].sort();
  return { from, to };
}

// ---- the properties ----

/** The counts of one block partition its assignments, and its parts its counts. */
function expectBlockPartition(block: SummaryBlock): void {
  const { counts: c, lifecycle: l } = block;
  expect(c.total + l.cancelled + l.superseded + l.revoked).toBe(block.assigned);
  expect(c.completedOnTime + c.completedLate + c.inProgressWithinDeadline + c.overdue + c.noDeadline).toBe(c.total);
  expect(l.notStarted + l.inProgress + l.awaitingConfirmation + l.returned + l.completed).toBe(c.total);
  for (const key of Object.keys(c) as Array<keyof typeof c>) expect(block.carriedOver[key] + block.assignedInWindow[key]).toBe(c[key]);
}

function expectPartition(built: Built, docs: AssignmentDoc[], window: ReportWindow, summary: Summary): void {
  const started = docs.filter((d) => {
    const startedOn = d.assignedOn ?? d.issuedOn;
    return d.created === true && startedOn !== undefined && startedOn <= window.to;
  }).length;
  const inModel = built.assignments.filter((a) => a.start <= window.to).length;
  expect(started).toBe(inModel);
  expect(summary.assigned + summary.requests.assigned + summary.coordinating.assigned).toBe(started);
  expectBlockPartition(summary);
  expectBlockPartition(summary.requests);
  const { coordinating: k } = summary;
  expect(k.total + k.lifecycle.cancelled + k.lifecycle.superseded + k.lifecycle.revoked).toBe(k.assigned);
  expect(
    k.lifecycle.notStarted + k.lifecycle.inProgress + k.lifecycle.awaitingConfirmation + k.lifecycle.returned + k.lifecycle.completed,
  ).toBe(k.total);
}

describe('summaries of any story', () => {
  it('partition the assignments started by the end of each window, and each block its own', () => {
    fc.assert(
      fc.property(planArb, fc.array(fc.tuple(dateArb, dateArb), { minLength: 1, maxLength: 4 }), (plan, windows) => {
        const built = build(plan);
        const docs = docsOf(built.story);
        for (const window of [{ from: ISSUED, to: LAST }, ...windows.map(([a, b]) => windowOf(built, a, b))])
          expectPartition(built, docs, window, summarize(docs, window));
      }),
      { numRuns: 200 },
    );
  });

  it('are not changed by a deadline change made after the window ends', () => {
    fc.assert(
      fc.property(
        planArb,
        dateArb,
        dateArb,
        fc.record({ task: pick, agency: fc.option(pick, { nil: null }), deadline: fc.option(offset, { nil: null }), gap }),
        (plan, a, b, change) => {
          const built = build(plan);
          // A window ending before 2017-12-31, so that a change can come after it.
          const { from, to } = windowOf(built, a, b);
          const end = plus(LAST, -1);
          const window = to < LAST ? { from, to } : { from: from < end ? from : end, to: end };
          const before = summarize(docsOf(built.story), window);

          const t = pickOf(built.tasks, change.task);
          const agency = change.agency === null ? undefined : pickOf(t.agencies, change.agency);
          const changedOn = plus(later(plus(window.to, 1), t.start, t.lastChangedOn), change.gap);
          expect(changedOn > window.to).toBe(true);
          const deadline = change.deadline === null ? null : plus(ISSUED, change.deadline);
          built.story.changeDeadline(t.number, t.deadline, deadline, changedOn, agency);
          const after = summarize(docsOf(built.story), window);

          expect(after.counts.completedOnTime).toBeLessThanOrEqual(before.counts.completedOnTime);
          expect(after.requests.counts.completedOnTime).toBeLessThanOrEqual(before.requests.counts.completedOnTime);
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });
});
