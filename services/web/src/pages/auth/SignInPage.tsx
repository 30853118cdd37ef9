import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { fetchSignInMethods, signIn } from '../../api/auth';
import { ApiError, ConnectionError } from '../../api/errors';
import { setCsrfToken } from '../../api/http';
import { SESSION_KEY, useSessionQuery } from '../../auth/use-session-query';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { Loading } from '../../components/Loading';
import { homePathFor } from '../../logic/navigation';
import { useCountdown } from './use-countdown';

interface Credentials {
  username: string;
  password: string;
}

/** Only a path of this app is followed after signing in, never another site. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : null);

export function SignInPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const session = useSessionQuery();
  const methods = useQuery({ queryKey: ['sign-in-methods'], queryFn: fetchSignInMethods, retry: false });
  const wait = useCountdown();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    document.title = `${t('auth.signIn')} — ${t('app.name')}`;
  }, [t]);

  if (session.isPending) return <Loading />;
  if (session.data) return <Navigate to={safeNext(params.get('next')) ?? homePathFor(session.data.account.roles)} replace />;

  const submit = async (credentials: Credentials) => {
    setError(null);
    setSubmitting(true);
    try {
      const answer = await signIn(credentials);
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(SESSION_KEY, answer);
      navigate(safeNext(params.get('next')) ?? homePathFor(answer.account.roles), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) {
        wait.start(caught.retryAfter ?? 60);
        setError('tooMany');
      } else if (caught instanceof ApiError && caught.status === 401) setError('wrong');
      else if (caught instanceof ApiError && caught.status === 403) setError('disabled');
      else if (!(caught instanceof ConnectionError))
        setError(caught instanceof ApiError ? (caught.problem.detail ?? caught.problem.title) : String(caught));
    } finally {
      setSubmitting(false);
    }
  };

  const oidcError = params.get('oidcError');
  const messages: Record<string, string> = {
    tooMany: t('auth.tooMany', { count: Math.max(wait.left, 1) }),
    wrong: t('auth.wrongPassword'),
    disabled: t('auth.disabled'),
  };
  const message = error ? (messages[error] ?? error) : oidcError ? t('auth.oidcRefused', { status: oidcError }) : null;
  const oidc = methods.data?.oidc;

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header className="app-header">
        <span className="app-brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" style={{ display: 'flex', justifyContent: 'center', padding: '48px 16px' }}>
        <Card style={{ width: 420, maxWidth: '100%' }}>
          <h1 style={{ marginTop: 0, fontSize: 24 }}>{t('auth.signIn')}</h1>
          <ConnectionBanner />
          {message ? (
            <Alert role="alert" type="error" showIcon title={message} style={{ marginBottom: 16 }} data-testid="sign-in-error" />
          ) : null}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="sign-in-form">
            <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, message: t('auth.usernameRequired') }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} disabled={wait.left > 0}>
              {t('auth.signInButton')}
            </Button>
          </Form>
          {oidc ? (
            <>
              <Divider plain>{t('auth.or')}</Divider>
              <Button
                block
                href={`${oidc.startUrl}?${new URLSearchParams({ returnTo: safeNext(params.get('next')) ?? '/' })}`}
                data-testid="oidc-sign-in"
              >
                {t('auth.signInWith', { name: oidc.name })}
              </Button>
            </>
          ) : null}
        </Card>
      </main>
    </div>
  );
}
