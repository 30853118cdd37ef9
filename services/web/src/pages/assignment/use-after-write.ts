import { useQueryClient } from '@tanstack/react-query';

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../components/Toasts';

/** After a write on an assignment: say so, and read its state, timeline and the lists again. */
export function useAfterWrite(assignmentId: string) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  return useCallback(() => {
    toast.success(t('forms.saved'));
    void queryClient.invalidateQueries({ queryKey: ['assignment', assignmentId] });
    void queryClient.invalidateQueries({ queryKey: ['assignments'] });
    void queryClient.invalidateQueries({ queryKey: ['directive'] });
  }, [assignmentId, queryClient, t, toast]);
}
