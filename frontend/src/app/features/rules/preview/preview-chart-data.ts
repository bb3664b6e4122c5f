import type { PreviewLine, RulePreview } from '@tradeassist/shared-types';
import type { ChartConfiguration } from 'chart.js';

export type PreviewChartConfig = ChartConfiguration<'line' | 'bar'>;

const GRID = 'rgba(255,255,255,0.06)';
const TICKS = '#9aa0a6';
const CLOSE_COLOR = '#7cacf8';
const LINE_COLORS = ['#fbbf24', '#4ade80', '#f472b6', '#a78bfa', '#38bdf8', '#fb923c'];
const VOLUME_COLOR = 'rgba(154,160,166,0.35)';

/** Chart.js axis id for each kind of preview line. */
const AXIS_IDS: Readonly<Record<PreviewLine['axis'], string>> = { price: 'y', indicator: 'yIndicator', volume: 'yVolume' };

/**
 * Indicator lines with no value on any of the bars drawn: an indicator needs more closed bars than
 * are stored (RSI(14) needs 15), so the chart would show a legend entry and nothing else.
 */
export function linesWithoutValues(preview: RulePreview): string[] {
  return preview.lines
    .filter((l) => l.axis !== 'volume' && !l.label.startsWith('level') && l.values.every((v) => v === null))
    .map((l) => l.label);
}

/** Bar start as "HH:mm" in UTC, as the rest of the console shows times. */
export const barLabel = (iso: string) => iso.slice(11, 16);

/** Closes on the price axis, each line on its own axis; volumes as bars kept to the bottom quarter. */
export function previewChartData(preview: RulePreview): PreviewChartConfig['data'] {
  // A line needs two points; a few bars are drawn as dots so they are seen at all.
  const pointRadius = preview.bars.length < 20 ? 2 : 0;
  return {
    labels: preview.bars.map((b) => barLabel(b.start)),
    datasets: [
      {
        type: 'line',
        label: 'close',
        data: preview.bars.map((b) => b.close),
        borderColor: CLOSE_COLOR,
        backgroundColor: CLOSE_COLOR,
        pointRadius,
        borderWidth: 1.5,
        yAxisID: AXIS_IDS.price,
      },
      ...preview.lines.map((line, i) => {
        const color = line.axis === 'volume' ? VOLUME_COLOR : (LINE_COLORS[i % LINE_COLORS.length] ?? CLOSE_COLOR);
        return line.axis === 'volume'
          ? { type: 'bar' as const, label: line.label, data: line.values, backgroundColor: color, yAxisID: AXIS_IDS.volume }
          : {
              type: 'line' as const,
              label: line.label,
              data: line.values,
              borderColor: color,
              backgroundColor: color,
              borderDash: line.label.startsWith('level') ? [4, 4] : [],
              pointRadius,
              borderWidth: 1.5,
              spanGaps: false,
              yAxisID: AXIS_IDS[line.axis],
            };
      }),
    ],
  };
}

/** Axes for the lines present: the indicator axis on the right only when an indicator is drawn. */
export function previewChartOptions(preview: RulePreview): PreviewChartConfig['options'] {
  const has = (axis: PreviewLine['axis']) => preview.lines.some((l) => l.axis === axis);
  const maxVolume = Math.max(0, ...preview.lines.filter((l) => l.axis === 'volume').flatMap((l) => l.values.map((v) => v ?? 0)));
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: { legend: { labels: { color: '#c4c7c5', boxHeight: 2 } } },
    scales: {
      x: { ticks: { color: TICKS, maxTicksLimit: 8, maxRotation: 0 }, grid: { color: GRID } },
      y: { position: 'left', ticks: { color: TICKS }, grid: { color: GRID } },
      yIndicator: { display: has('indicator'), position: 'right', ticks: { color: TICKS }, grid: { drawOnChartArea: false } },
      // Four times the largest volume keeps the bars under the price line.
      yVolume: { display: false, beginAtZero: true, ...(maxVolume > 0 && { max: maxVolume * 4 }) },
    },
  };
}
