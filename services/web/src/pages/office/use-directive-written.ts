import { useQueryClient } from '@tanstack/react-query';

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../components/Toasts';

/** After a change to a directive: say so, and read the directive and every list again. */
export function useDirectiveWritten() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  return useCallback(() => {
    toast.success(t('forms.saved'));
    void queryClient.invalidateQueries({ queryKey: ['directive'] });
    void queryClient.invalidateQueries({ queryKey: ['directives'] });
    void queryClient.invalidateQueries({ queryKey: ['assignments'] });
    void queryClient.invalidateQueries({ queryKey: ['assignment'] });
  }, [queryClient, t, toast]);
}
