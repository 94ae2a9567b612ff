import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayPoint } from '../model/dashboard-model';
import { formatCount } from '../model/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useChartColors } from './useChartColors';

interface DailyChartProps {
  points: DayPoint[];
  height?: number;
  /** Names the chart for assistive technology. */
  label: string;
  testId?: string;
}

function shortDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(
    new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1),
  );
}

/** Records synced, skipped and failed per day as stacked bars; today's figures are also written out. */
export function DailyChart({ points, height = 180, label, testId }: DailyChartProps) {
  const { t } = useTranslation();
  const locale = useLanguage();
  const colors = useChartColors();
  const today = points.at(-1);
  const data = points.map((point) => ({ ...point, label: shortDay(point.day, locale) }));
  return (
    <figure className="db-chart" data-testid={testId}>
      <div role="img" aria-label={label} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barCategoryGap={2}>
            <CartesianGrid vertical={false} stroke={colors.grid} />
            <XAxis
              dataKey="label"
              tick={{ fill: colors.text, fontSize: 11 }}
              tickLine={false}
              axisLine={{ stroke: colors.grid }}
              interval="preserveStartEnd"
              minTickGap={24}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fill: colors.text, fontSize: 11 }}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip
              cursor={{ fill: colors.grid, opacity: 0.4 }}
              contentStyle={{ background: colors.surface, borderColor: colors.grid, borderRadius: 8 }}
              labelStyle={{ color: colors.text }}
              formatter={(value, name) => [formatCount(Number(value), locale), String(name)]}
            />
            <Bar
              dataKey="succeeded"
              name={t('dashboard.synced')}
              stackId="day"
              fill={colors.ok}
              isAnimationActive={false}
            />
            <Bar
              dataKey="skipped"
              name={t('runs.counts.skipped')}
              stackId="day"
              fill={colors.skipped}
              isAnimationActive={false}
            />
            <Bar
              dataKey="failed"
              name={t('runs.counts.failed')}
              stackId="day"
              fill={colors.failed}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {today && (
        <figcaption className="db-today" data-testid={testId ? `${testId}-today` : undefined}>
          {t('dashboard.today')}:{' '}
          <span className="rn-count-ok" data-count="synced">
            {t('dashboard.syncedCount', { formatted: formatCount(today.succeeded, locale) })}
          </span>
          {' · '}
          <span className={today.failed > 0 ? 'rn-count-fail' : undefined} data-count="failed">
            {t('dashboard.failedCount', { formatted: formatCount(today.failed, locale) })}
          </span>
        </figcaption>
      )}
    </figure>
  );
}
