import type { StatusCounts } from '@dm/contracts/web';
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useLanguage } from '../../i18n';
import { statusData } from '../../logic/chart-data';

/** The official block's assignments by status; the figures are also in the table beside it. */
export function StatusPieChart({ counts, title }: { counts: StatusCounts; title: string }) {
  const language = useLanguage();
  const data = statusData(counts, language);
  return (
    <figure style={{ margin: 0 }} data-testid="status-chart">
      <figcaption className="visually-hidden">{title}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <PieChart accessibilityLayer={false}>
          <Pie data={data} dataKey="count" nameKey="label" innerRadius="52%" outerRadius="85%" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.status} fill={d.fill} />
            ))}
          </Pie>
          <Tooltip />
          <Legend />
        </PieChart>
      </ResponsiveContainer>
    </figure>
  );
}
