import type { LifecycleStage, OfficialStatus } from '@dm/contracts/web';
import { useLanguage } from '../i18n';
import { STAGE_LOOKS, STATUS_LOOKS, type StatusLook } from '../logic/status';

function Tag({ look, testId }: { look: StatusLook; testId: string }) {
  const language = useLanguage();
  return (
    <span className="status-tag" data-testid={testId} style={{ color: look.text, background: look.background, borderColor: look.border }}>
      {look.label[language]}
    </span>
  );
}

/** An official status in its colour and words; nothing when it has none. */
export function StatusTag({ status }: { status: OfficialStatus | null }) {
  return status ? <Tag look={STATUS_LOOKS[status]} testId={`status-${status}`} /> : <span className="muted">—</span>;
}

export function StageTag({ stage }: { stage: LifecycleStage }) {
  return <Tag look={STAGE_LOOKS[stage]} testId={`stage-${stage}`} />;
}
