import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AssignmentRow } from '../../api/types';
import { useAgencyName } from '../../hooks/useRegistry';
import { useLanguage } from '../../i18n';
import { lookOf } from '../../logic/status';
import { statusGrid } from '../../logic/status-grid';

interface Props {
  assignments: AssignmentRow[];
  tasks: string[];
  caption: string;
}

/** Tasks × agencies, each cell the assignment's status as of the date asked, coloured and coded, linking to it. */
export function StatusGridTable({ assignments, tasks, caption }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencyName = useAgencyName();
  const grid = statusGrid(assignments, tasks, agencyName);
  return (
    <div className="status-grid-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="status-grid" data-testid="status-grid">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assignment.agency')}</th>
            {grid.tasks.map((task) => (
              <th scope="col" key={task}>
                {t('grid.task', { number: task })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.agencies.map((agencyId) => (
            <tr key={agencyId}>
              <th scope="row">{agencyName(agencyId)}</th>
              {grid.tasks.map((task) => {
                const assignment = grid.cell(agencyId, task);
                if (!assignment)
                  return (
                    <td key={task}>
                      <span className="visually-hidden">{t('grid.noAssignment')}</span>
                    </td>
                  );
                const look = lookOf(assignment);
                const label = `${agencyName(agencyId)}, ${t('assignment.taskNumber', { number: task })}: ${look.label[language]}`;
                return (
                  <td key={task}>
                    <Link
                      to={`/assignments/${assignment.id}`}
                      className="status-cell"
                      style={{ color: look.text, background: look.background, borderColor: look.border }}
                      aria-label={label}
                      title={label}
                      data-testid="grid-cell"
                      data-status={assignment.status ?? assignment.lifecycle}
                    >
                      {look.code[language]}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
