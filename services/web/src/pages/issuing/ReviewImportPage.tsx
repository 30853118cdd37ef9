import { issueDirectiveRequest } from '@dm/contracts/web';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { correctDraft, fetchDraft, issueFromDraft, type DraftWithSource } from '../../api/imports';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useToast } from '../../components/Toasts';
import { FormErrors } from '../../forms/FormErrors';
import { useApiForm } from '../../forms/use-api-form';
import { useRegistry } from '../../hooks/useRegistry';
import { useLanguage } from '../../i18n';
import { todayInVietnam } from '../../logic/dates';
import type { IssueDirectiveBody } from '../../logic/directive-body';
import {
  draftToValues,
  fieldElementId,
  IMPORT_FIELDS,
  importIssueBody,
  markKey,
  reviewMarks,
  sourceLines,
  unplacedErrors,
  valuesToDraft,
  type FieldMark,
  type ImportValues,
} from '../../logic/directive-import';
import { registryOnDate } from '../../logic/fan-out';
import { warningText } from '../../logic/import-warnings';
import type { NamePath } from '../../logic/problem';
import { DirectiveFields } from './DirectiveFields';
import { FanOutPreview } from './FanOutPreview';
import type { FieldNotes } from './field-notes';
import { agencyOptions, partyOptions, type PartyOption } from './party-options';
import { TaskFields } from './TaskFields';

const FORM = 'import-directive';

/** An imported directive's draft, reviewed beside its source text, corrected, saved and issued (issue 15). */
export function ReviewImportPage() {
  const { t } = useTranslation();
  const { draftId = '' } = useParams();
  const draft = useQuery({ queryKey: ['directive-import', draftId], queryFn: () => fetchDraft(draftId), retry: false });
  if (draft.error)
    return (
      <>
        <PageHeader title={t('import.untitled')} />
        <QueryError error={draft.error} />
      </>
    );
  if (!draft.data) return <Loading />;
  if (draft.data.status !== 'draft')
    return (
      <>
        <PageHeader title={t('import.title', { number: draft.data.number ?? '' })} />
        <Notice title={t('import.alreadyIssued')} testId="import-closed">
          {draft.data.directiveId ? <Link to={`/directives/${draft.data.directiveId}`}>{t('import.openIssued')}</Link> : null}
        </Notice>
      </>
    );
  // A saved correction is a new revision: the form starts again from it.
  return <ReviewImport key={draft.data.revision} answer={draft.data} />;
}

/** Where the task of a form's index came from in the draft (tasks the reviewer added or removed shift the form's). */
const draftIndexOf = (values: ImportValues | undefined, index: number) => values?.tasks?.[index]?.draftIndex;

function ReviewImport({ answer }: { answer: DraftWithSource }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ImportValues>();
  const initialValues = useMemo(() => draftToValues(answer, (iso) => dayjs(iso)), [answer]);
  const marks = useMemo(() => reviewMarks(answer), [answer]);
  const values = Form.useWatch([], { form, preserve: true }) as ImportValues | undefined;
  const issuedOn = values?.issuedOn?.format('YYYY-MM-DD') ?? answer.issuedOn ?? todayInVietnam();
  const registry = useRegistry(issuedOn);
  const onDate = useMemo(() => (registry.data ? registryOnDate(registry.data) : null), [registry.data]);
  const parties = partyOptions(registry.data, { groups: t('issue.groups'), agencies: t('issue.agencies') });
  const nameOf = useCallback((id: string) => onDate?.groups.get(id)?.name ?? onDate?.agencies.get(id)?.name ?? id, [onDate]);
  const [selected, setSelected] = useState<number | null>(null);

  const save = useApiForm({
    form,
    fields: IMPORT_FIELDS,
    send: (body: ImportValues) => correctDraft(answer.draftId, valuesToDraft(answer, body, nameOf), answer.revision),
    onDone: () => {
      toast.success(t('import.saved'));
      void queryClient.invalidateQueries({ queryKey: ['directive-import', answer.draftId] });
    },
  });
  const issue = useApiForm({
    form,
    schema: issueDirectiveRequest,
    fields: IMPORT_FIELDS,
    check: () => unplacedErrors(form.getFieldsValue(true), (names) => t('import.unplacedLeft', { names: names.join('; ') })),
    send: (body: IssueDirectiveBody, key) => issueFromDraft(answer.draftId, body, key),
    onDone: (issued) => {
      toast.success(t('import.issued'));
      void queryClient.invalidateQueries({ queryKey: ['directives'] });
      void queryClient.invalidateQueries({ queryKey: ['directive-import', answer.draftId] });
      navigate(`/directives/${issued.id}`);
    },
  });
  const onValuesChange = (changed: unknown) => {
    save.onValuesChange(changed);
    issue.onValuesChange(changed);
  };

  /** The form's index of the draft's task, or null once the reviewer removed it. */
  const formIndexOf = (draftIndex: number) => {
    const index = (values?.tasks ?? []).findIndex((task) => task?.draftIndex === draftIndex);
    return index < 0 ? null : index;
  };
  /** A warning's or a mark's field (named as in the draft) as the form names it now. */
  const formName = (name: NamePath): NamePath | null => {
    if (name[0] !== 'tasks') return name;
    const index = formIndexOf(name[1] as number);
    return index === null ? null : ['tasks', index, ...name.slice(2)];
  };
  const focusField = (name: NamePath) => {
    if (name[0] === 'tasks') setSelected(name[1] as number);
    const element = document.getElementById(fieldElementId(FORM, name)) ?? document.getElementById(fieldElementId(FORM, name.slice(0, 2)));
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  };

  /** The task's lines highlighted; on a narrow screen, where the source is above the draft, scrolled to. */
  const showInSource = (index: number) => {
    setSelected(index);
    if (window.matchMedia('(max-width: 1199px)').matches) document.getElementById('import-source')?.scrollIntoView({ block: 'start' });
  };

  const markOf = (name: NamePath): FieldMark | undefined => {
    if (name[0] !== 'tasks') return marks.fields.get(markKey(name));
    const draftIndex = draftIndexOf(values ?? initialValues, name[1] as number);
    return draftIndex === undefined ? undefined : marks.fields.get(markKey(['tasks', draftIndex, ...name.slice(2)]));
  };
  const notes: FieldNotes = (name) => {
    const mark = markOf(name);
    const task = name[0] === 'tasks' ? (values ?? initialValues).tasks?.[name[1] as number] : undefined;
    const asWritten = name[2] === 'deadline' && task ? <DeadlineAsWritten task={task} /> : null;
    if (!mark) return asWritten ? { note: asWritten, marked: false } : undefined;
    const unplacedAt =
      name[0] === 'addressees' ? ['addresseesUnplaced'] : name[0] === 'tasks' ? ['tasks', name[1], `${name[2]}Unplaced`] : null;
    return {
      marked: true,
      note: (
        <div className="field-note" data-testid="field-note">
          {mark.confidence !== null ? (
            <div>{mark.confidence === 0 ? t('import.missing') : t('import.uncertain', { percent: Math.round(mark.confidence * 100) })}</div>
          ) : null}
          {mark.warnings.map((warning, i) => (
            <div key={i} data-testid="field-warning">
              {warningText(warning, language)}
            </div>
          ))}
          {mark.unplaced.length && unplacedAt ? (
            <UnplacedNames list={name} store={unplacedAt} parties={parties} />
          ) : mark.unplaced.length ? (
            <div>
              {t('import.unplaced')} {mark.unplaced.map((text) => `“${text}”`).join(', ')}
            </div>
          ) : null}
          {asWritten}
        </div>
      ),
    };
  };

  const selectedTask = selected === null ? null : answer.tasks[draftIndexOf(values, selected) ?? -1];
  const markedCount = marks.fields.size;
  const number = values?.number ?? answer.number;

  return (
    <>
      <PageHeader
        title={number ? t('import.title', { number }) : t('import.untitled')}
        extra={<Link to="/directives/import">{t('import.another')}</Link>}
      />
      {registry.error ? <QueryError error={registry.error} /> : null}
      <Alert
        type={marks.warnings.length || markedCount ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="import-summary"
        title={`${t('import.tasksRead', { count: answer.tasks.length })} ${t('import.marked', { count: markedCount })}`}
        description={
          marks.warnings.length ? (
            <section aria-labelledby="import-warnings-title">
              <h2 id="import-warnings-title" className="import-warnings-title">
                {t('import.warnings')}
              </h2>
              <ul className="import-warnings" data-testid="import-warnings">
                {marks.warnings.map((warning, i) => {
                  const name = warning.name && formName(warning.name);
                  const label = <WarningLabel name={warning.name} answer={answer} />;
                  return (
                    <li key={i}>
                      {name ? (
                        <a
                          href={`#${fieldElementId(FORM, name)}`}
                          onClick={(event) => {
                            event.preventDefault();
                            focusField(name);
                          }}
                        >
                          {label}
                        </a>
                      ) : (
                        label
                      )}
                      : {warningText(warning, language)}
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null
        }
      />
      <div className="import-review">
        <SourceText text={answer.source} task={selectedTask} />
        <section className="import-draft" aria-labelledby="import-draft-title">
          <Form<ImportValues>
            form={form}
            layout="vertical"
            name={FORM}
            initialValues={initialValues}
            onValuesChange={onValuesChange}
            onFinish={() => void issue.submit(importIssueBody(form.getFieldsValue(true)))}
            data-testid="import-review-form"
          >
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <Card
                title={
                  <h2 className="card-title" id="import-draft-title">
                    {t('issue.header')}
                  </h2>
                }
              >
                <DirectiveFields agencies={agencyOptions(registry.data)} parties={parties} notes={notes} />
              </Card>
              <Card title={<h2 className="card-title">{t('directive.tasks')}</h2>}>
                <Form.List name="tasks">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field, index) => {
                        const task = values?.tasks?.[index];
                        const source = task?.draftIndex === undefined ? null : answer.tasks[task.draftIndex]?.source;
                        return (
                          <TaskFields
                            key={field.key}
                            id={fieldElementId(FORM, ['tasks', index])}
                            index={index}
                            name={field.name}
                            parties={parties}
                            notes={notes}
                            onFocus={() => setSelected(index)}
                            extra={
                              <Space size="small" wrap>
                                {task?.monitoring ? <Tag color="blue">{t('import.monitoringTask')}</Tag> : null}
                                {source && source.from > 0 ? (
                                  <Button
                                    size="small"
                                    type={selected === index ? 'primary' : 'default'}
                                    onClick={() => showInSource(index)}
                                  >
                                    {t('import.showInSource', { from: source.from, to: source.to })}
                                  </Button>
                                ) : null}
                              </Space>
                            }
                            onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                            preview={
                              <FanOutPreview
                                task={task ?? {}}
                                registry={onDate}
                                issuer={values?.issuer}
                                issuedOn={issuedOn}
                                groupName={nameOf}
                              />
                            }
                          />
                        );
                      })}
                      <Button onClick={() => add({ number: String(fields.length + 1), mode: 'giao', lead: [], coordinating: [] })}>
                        {t('issue.addTask')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
              <div>
                <FormErrors messages={[...save.general, ...issue.general]} />
                <Space wrap>
                  <Button
                    onClick={() => void save.submit(form.getFieldsValue(true))}
                    loading={save.submitting}
                    disabled={issue.submitting}
                    data-testid="import-save"
                  >
                    {t('import.save')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={issue.submitting} disabled={save.submitting} data-testid="import-issue">
                    {t('import.issue')}
                  </Button>
                </Space>
              </div>
            </Space>
          </Form>
        </section>
      </div>
    </>
  );
}

/** The source text, its lines numbered, the selected task's lines highlighted and scrolled to. */
function SourceText({ text, task }: { text: string; task: { number: string; source: { from: number; to: number } } | null }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const range = task && task.source.from > 0 ? task.source : null;
  const lines = useMemo(() => sourceLines(text, range), [text, range]);
  useEffect(() => {
    const first = range && box.current?.querySelector<HTMLElement>(`[data-line="${range.from}"]`);
    if (first && box.current) box.current.scrollTop = first.offsetTop - 48;
  }, [range]);
  return (
    <section className="import-source" id="import-source" aria-labelledby="import-source-title">
      <Card
        size="small"
        title={
          <h2 className="card-title" id="import-source-title">
            {t('import.source')}
          </h2>
        }
      >
        <p className="source-range" aria-live="polite" data-testid="source-range">
          {range ? t('import.sourceTask', { number: task!.number, ...range }) : t('import.sourceAll')}
        </p>
        <div className="source-text" ref={box} tabIndex={0} role="region" aria-labelledby="import-source-title" data-testid="source-text">
          <ol>
            {lines.map((line) => (
              <li
                key={line.number}
                value={line.number}
                data-line={line.number}
                className={line.marked ? 'source-line-marked' : undefined}
                aria-current={line.marked && line.number === range?.from ? 'true' : undefined}
              >
                {line.text || '\u00a0'}
              </li>
            ))}
          </ol>
        </div>
      </Card>
    </section>
  );
}

/** The deadline's phrase as the text writes it, and the repeating rule it sets. */
function DeadlineAsWritten({ task }: { task: ImportValues['tasks'] extends Array<infer T> | undefined ? T : never }) {
  const { t } = useTranslation();
  if (!task.deadlineText && !task.recurring) return null;
  return (
    <div className="field-as-written">
      {task.deadlineText ? <div>{t('import.deadlineAsWritten', { text: task.deadlineText })}</div> : null}
      {task.recurring ? (
        <div>{t('import.recurring', { every: t(`import.every.${task.recurring.every}`), day: task.recurring.day })}</div>
      ) : null}
    </div>
  );
}

/** Names the registry could not place, each to place in it (added to the field's agencies) or strike out. */
function UnplacedNames({ list, store, parties }: { list: NamePath; store: NamePath; parties: PartyOption[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const names = (Form.useWatch(store, { form, preserve: true }) as string[] | undefined) ?? [];
  if (!names.length) return null;
  const keep = (next: string[]) => {
    form.setFieldValue(store, next);
    if (!next.length) form.setFields([{ name: list, errors: [] }]);
  };
  const place = (text: string, id: string) => {
    const current: string[] = form.getFieldValue(list) ?? [];
    form.setFieldValue(list, current.includes(id) ? current : [...current, id]);
    keep(names.filter((name) => name !== text));
  };
  return (
    <div className="unplaced" data-testid="unplaced-names">
      <div>{t('import.unplaced')}</div>
      {names.map((text) => (
        <div key={text} className="unplaced-name" data-testid="unplaced-name">
          <Tag color="warning">{text}</Tag>
          <Select
            size="small"
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('import.place', { text })}
            placeholder={t('import.place', { text })}
            options={parties}
            value={null}
            onChange={(id: string) => place(text, id)}
            style={{ minWidth: 280 }}
          />
          <Button size="small" onClick={() => keep(names.filter((name) => name !== text))} aria-label={t('import.strike', { text })}>
            {t('common.remove')}
          </Button>
        </div>
      ))}
    </div>
  );
}

/** A warning's field in words: "Nhiệm vụ 5 — Chủ trì", "Số, ký hiệu". */
function WarningLabel({ name, answer }: { name: NamePath | null; answer: DraftWithSource }) {
  const { t } = useTranslation();
  if (!name) return <>{t('import.aboutNoField')}</>;
  const HEADER: Record<string, string> = {
    number: 'directive.number',
    type: 'directive.type',
    issuer: 'directive.issuer',
    issuedOn: 'directive.issuedOn',
    subject: 'directive.subject',
    legalBasis: 'issue.legalBasis',
    addressees: 'issue.addressees',
    signer: 'directive.signer',
    monitoringAgency: 'directive.monitoringAgency',
  };
  const TASK: Record<string, string> = {
    number: 'directive.taskNumber',
    text: 'assignment.taskText',
    mode: 'directive.mode',
    lead: 'directive.lead',
    coordinating: 'directive.coordinating',
    deadline: 'assignment.deadline',
    reportDuty: 'issue.reportDuty',
  };
  if (name[0] !== 'tasks') return <>{t(HEADER[name[0] as string] ?? String(name[0]))}</>;
  const task = t('assignment.taskNumber', { number: answer.tasks[name[1] as number]?.number ?? Number(name[1]) + 1 });
  const field = name[2] === undefined ? null : TASK[name[2] as string];
  return <>{field ? `${task} — ${t(field)}` : task}</>;
}
