import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DirectiveAnswer } from '../../api/types';
import { ToneTag } from '../../components/ToneTag';
import { useAgencyName } from '../../hooks/useRegistry';
import { formatDate } from '../../logic/dates';

/** A directive as issued: number, date, issuer, subject, signer, who monitors it, and whether it still stands. */
export function DirectiveHeader({ directive }: { directive: DirectiveAnswer }) {
  const { t } = useTranslation();
  const agencyName = useAgencyName();
  const { signer, closed } = directive;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="directive-header"
      items={[
        { key: 'number', label: t('directive.number'), children: directive.number },
        { key: 'issuedOn', label: t('directive.issuedOn'), children: formatDate(directive.issuedOn) },
        { key: 'issuer', label: t('directive.issuer'), children: agencyName(directive.issuer) },
        { key: 'monitoring', label: t('directive.monitoringAgency'), children: agencyName(directive.monitoringAgency) },
        { key: 'subject', label: t('directive.subject'), span: 'filled', children: directive.subject },
        {
          key: 'signer',
          label: t('directive.signer'),
          children: [signer.capacity, signer.title, signer.name].filter(Boolean).join(' — '),
        },
        { key: 'assignments', label: t('directive.assignments'), children: directive.assignmentCount },
        ...(closed
          ? [
              {
                key: 'closed',
                label: t('directive.closed'),
                children: (
                  <ToneTag tone="grey">
                    {t(`directive.closedKinds.${closed.kind}`)} {formatDate(closed.effectiveOn)}
                  </ToneTag>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
