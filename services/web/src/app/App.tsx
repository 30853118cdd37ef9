import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { ConnectionError } from '../api/errors';
import { onUnauthenticated } from '../api/http';
import { SESSION_KEY } from '../auth/use-session-query';
import { ToastProvider } from '../components/Toasts';
import { useLanguage } from '../i18n';
import { AppRoutes } from './routes';
import { theme } from './theme';

/** Reads are retried after a lost connection, never after the server refused them. */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => error instanceof ConnectionError && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30 * 1000,
    },
    mutations: { retry: false },
  },
});

onUnauthenticated(() => {
  queryClient.setQueryData(SESSION_KEY, null);
});

export function App() {
  const language = useLanguage();
  useEffect(() => {
    dayjs.locale(language === 'vi' ? 'vi' : 'en');
  }, [language]);
  return (
    <ConfigProvider theme={theme} locale={language === 'vi' ? viVN : enUS}>
      <ToastProvider>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </ToastProvider>
    </ConfigProvider>
  );
}
