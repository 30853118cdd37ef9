import type { FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodTypeAny } from 'zod';
import { ApiError, ConnectionError } from '../api/errors';
import { useLanguage } from '../i18n';
import { IdempotencyKeys, newIdempotencyKey } from '../logic/idempotency';
import { translateMessage } from '../logic/messages';
import {
  changedPaths,
  placeErrors,
  problemErrors,
  touchedBy,
  zodErrors,
  type FieldError,
  type FieldPattern,
  type NamePath,
} from '../logic/problem';

export interface ApiFormOptions<Body, Answer> {
  form: FormInstance;
  /** The request schema of the contracts: checked before sending, with the server's own messages. */
  schema?: ZodTypeAny;
  /** Extra checks the schema cannot make (a file read in the browser, …), as field errors. */
  check?: (body: Body) => FieldError[];
  /** The form fields errors may be shown beside; other errors are said above the form. */
  fields: FieldPattern[];
  send: (body: Body, idempotencyKey: string) => Promise<Answer>;
  onDone?: (answer: Answer) => void;
}

/**
 * Submits a form's body: validated with the contract's schema first, then
 * sent with an Idempotency-Key (the same one on a retry of the same body);
 * the server's field errors are shown beside their fields, translated. A lost
 * connection or a 503 keeps everything that was typed: the form is never reset here.
 */
export function useApiForm<Body, Answer>({ form, schema, check, fields, send, onDone }: ApiFormOptions<Body, Answer>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const keys = useRef(new IdempotencyKeys(newIdempotencyKey));
  const shown = useRef<NamePath[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  const show = useCallback(
    (errors: FieldError[], fallback: string[] = []) => {
      const placed = placeErrors(errors, fields, (message) => translateMessage(message, language));
      form.setFields([
        ...shown.current.map((name) => ({ name, errors: [] as string[] })),
        ...placed.fields.map(({ name, errors: messages }) => ({ name, errors: messages })),
      ]);
      shown.current = placed.fields.map((f) => f.name);
      setGeneral([...placed.general, ...(placed.fields.length || placed.general.length ? [] : fallback)]);
    },
    [fields, form, language],
  );

  const submit = useCallback(
    async (body: Body) => {
      const issues = schema ? (schema.safeParse(body).error?.issues ?? []) : [];
      const checked = [...zodErrors(issues), ...(check?.(body) ?? [])];
      if (checked.length) return show(checked);
      show([]);
      setSubmitting(true);
      try {
        const answer = await send(body, keys.current.keyFor(body));
        keys.current.settled();
        onDone?.(answer);
      } catch (error) {
        if (error instanceof ConnectionError)
          setGeneral([t(error.kind === 'offline' ? 'connection.offline' : 'connection.unavailable'), t('connection.kept')]);
        else if (error instanceof ApiError) {
          const said = error.problem.detail ?? error.problem.title;
          const known = error.status === 403 ? [t('errors.forbiddenAction'), said] : [translateMessage(said, language)];
          show(problemErrors(error.problem), known);
        } else setGeneral([String(error)]);
      } finally {
        setSubmitting(false);
      }
    },
    [check, language, onDone, schema, send, show, t],
  );

  /** For the Form's onValuesChange: an error beside a field goes once the person edits that field. */
  const onValuesChange = useCallback(
    (changed: unknown) => {
      const touched = touchedBy(shown.current, changedPaths(changed));
      if (!touched.length) return;
      form.setFields(touched.map((name) => ({ name, errors: [] })));
      shown.current = shown.current.filter((name) => !touched.includes(name));
    },
    [form],
  );

  return { submit, submitting, general, onValuesChange };
}
