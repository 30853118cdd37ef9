import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const REPORT_USAGE = `  report --period <2017-Q1> --format <xlsx|csv|pdf> [--out <file>] [--directive <id>] [--calendar decree09|calendar]
         [--view summary|scorecards|groups|late|requests|submissions] [--agency <office>] [--url http://localhost:3000]
        writes the period's latest issued report (a draft computed now when none was issued) and prints the file's path`;

export interface ReportCall {
  /** Signs a token for the CLI's reader: the office named by --agency, or an admin. */
  sign(agencyId: string | null): string;
  url: string;
}

/** Finds the period's latest issued report the reader may read, and downloads its file; else the draft. */
export async function runReport(args: string[], call: (url: string | null) => Promise<ReportCall & { close(): Promise<void> }>) {
  const { values } = parseArgs({
    args,
    options: {
      period: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      directive: { type: 'string' },
      calendar: { type: 'string' },
      view: { type: 'string' },
      agency: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (!values.period || !values.format) throw new Error(`report needs --period and --format\n${REPORT_USAGE}`);
  if (!['xlsx', 'csv', 'pdf'].includes(values.format)) throw new Error(`--format must be xlsx, csv or pdf, not ${values.format}`);
  const server = await call(values.url ?? null);
  try {
    const headers = { authorization: `Bearer ${server.sign(values.agency ?? null)}` };
    const get = async (path: string) => {
      const answer = await fetch(`${server.url}${path}`, { headers, signal: AbortSignal.timeout(300_000) });
      if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      return answer;
    };
    const calendar = values.calendar ?? 'decree09';
    type Listed = { reports: Array<{ reportId: string; directiveId: string | null; calendar: string }>; next: string | null };
    const filter = { period: values.period.toUpperCase(), ...(values.directive ? { directiveId: values.directive } : {}) };
    // Every page of the issued reports, newest first: each `next` followed until null (docs/security.md, "Pages of a list").
    const listed: Listed = { reports: [], next: null };
    let after: string | null | undefined;
    do {
      const page = (await (
        await get(`/api/v1/reports/issued?${new URLSearchParams({ ...filter, ...(after ? { after } : {}) })}`)
      ).json()) as Listed;
      listed.reports.push(...page.reports);
      after = page.next;
    } while (after);
    // Without --directive: the office's report on every directive it follows, else its latest report of the period.
    const ofCalendar = listed.reports.filter((r) => r.calendar === calendar);
    const issued = values.directive
      ? ofCalendar.find((r) => r.directiveId === values.directive)
      : (ofCalendar.find((r) => r.directiveId === null) ?? ofCalendar[0]);
    const format = new URLSearchParams({ format: values.format, ...(values.view ? { view: values.view } : {}) });
    const path = issued
      ? `/api/v1/reports/issued/${encodeURIComponent(issued.reportId)}/export?${format}`
      : `/api/v1/reports/export?${new URLSearchParams({ period: values.period, calendar, ...(values.directive ? { directiveId: values.directive } : {}) })}&${format}`;
    const bytes = Buffer.from(await (await get(path)).arrayBuffer());
    const suffix = values.format === 'csv' ? `-${values.view ?? 'scorecards'}` : '';
    const out = resolve(values.out ?? `report-${values.period}${issued ? '' : '-du-thao'}${suffix}.${values.format}`);
    writeFileSync(out, bytes);
    console.error(issued ? `issued report ${issued.reportId}` : `no report issued for ${values.period}: a draft computed now`);
    console.log(out);
  } finally {
    await server.close();
  }
}
