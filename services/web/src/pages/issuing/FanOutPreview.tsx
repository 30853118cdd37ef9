import { Alert, Collapse, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';
import { countByRole, previewFanOut, type RegistryOnDate } from '../../logic/fan-out';
import { formatDate } from '../../logic/dates';

interface Props {
  task: { lead?: string[]; coordinating?: string[]; mode?: 'giao' | 'yeu-cau' | 'de-nghi' };
  registry: RegistryOnDate | null;
  issuer: string | undefined;
  issuedOn: string | undefined;
  groupName: (id: string) => string;
}

/** Which agencies the task will reach, as the registry stood on the directive's date: groups fanned out to their members. */
export function FanOutPreview({ task, registry, issuer, issuedOn, groupName }: Props) {
  const { t } = useTranslation();
  if (!registry || !(task.lead?.length || task.coordinating?.length)) return null;
  const preview = previewFanOut(
    { lead: task.lead ?? [], coordinating: task.coordinating ?? [], mode: task.mode ?? 'giao' },
    registry,
    issuer,
  );
  const counts = countByRole(preview);
  const summary = t('fanOut.summary', { lead: counts.lead, coordinating: counts.coordinating, date: formatDate(issuedOn) });
  return (
    <div data-testid="fan-out-preview" aria-live="polite">
      {preview.unknown.length ? <Alert type="error" showIcon title={t('fanOut.unknown', { ids: preview.unknown.join(', ') })} /> : null}
      {preview.emptyGroups.length ? (
        <Alert type="error" showIcon title={t('fanOut.emptyGroups', { groups: preview.emptyGroups.map(groupName).join(', ') })} />
      ) : null}
      <Collapse
        size="small"
        items={[
          {
            key: 'agencies',
            label: summary,
            children: (
              <List
                size="small"
                dataSource={preview.assignments}
                renderItem={(a) => (
                  <List.Item>
                    <span>
                      {a.name} <ToneTag tone={a.role === 'lead' ? 'blue' : 'grey'}>{t(`roles.assignment.${a.role}`)}</ToneTag>{' '}
                      {a.mode === 'de-nghi' ? <ToneTag tone="purple">{t('modes.de-nghi')}</ToneTag> : null}{' '}
                      {a.viaGroup ? <span className="muted">{t('assignment.viaGroup', { group: groupName(a.viaGroup) })}</span> : null}
                    </span>
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
