import { OFFICIAL_STATUSES } from '@dm/contracts/web';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RollupAnswer } from '../../api/types';
import { useLanguage } from '../../i18n';
import { rollupBars } from '../../logic/chart-data';
import { STATUS_LOOKS } from '../../logic/status';

type Row = RollupAnswer['groups'][number];

/** Each row's assignments stacked by status, to set groups or agencies side by side. */
export function RollupBarChart({ rows, title }: { rows: Row[]; title: string }) {
  const language = useLanguage();
  const data = rollupBars(rows);
  if (!data.length) return null;
  return (
    <figure style={{ margin: 0 }} data-testid="rollup-chart">
      <figcaption className="visually-hidden">{title}</figcaption>
      <ResponsiveContainer width="100%" height={Math.max(220, data.length * 28 + 80)}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12, fill: '#262626' }} />
          <Tooltip />
          <Legend />
          {OFFICIAL_STATUSES.map((status) => (
            <Bar key={status} dataKey={status} stackId="status" name={STATUS_LOOKS[status].label[language]} fill={STATUS_LOOKS[status].text} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
