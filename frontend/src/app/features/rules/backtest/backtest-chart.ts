import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BacktestFiring } from '@tradeassist/shared-types';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

const GRID = 'rgba(255,255,255,0.06)';
const TICKS = '#9aa0a6';

const OPTIONS: ChartConfiguration<'line'>['options'] = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  interaction: { mode: 'index', intersect: false },
  plugins: { legend: { labels: { color: '#c4c7c5' } } },
  scales: {
    x: { ticks: { color: TICKS, maxTicksLimit: 8, maxRotation: 0 }, grid: { color: GRID } },
    y: { ticks: { color: TICKS }, grid: { color: GRID } },
  },
};

/** When the rule compares an indicator (RSI 0..100 against a price of 6000), its values get their own axis. */
const WITH_VALUE_AXIS: ChartConfiguration<'line'>['options'] = {
  ...OPTIONS,
  scales: { ...OPTIONS.scales, y1: { position: 'right', ticks: { color: TICKS }, grid: { drawOnChartArea: false } } },
};

/** UTC "MM-DD HH:mm:ss", short enough for an axis. */
const axisTime = (iso: string) => iso.slice(5, 19).replace('T', ' ');

/** True when what fired was not the price itself (an indicator, a percent change, a volume). */
export function comparesOtherThanPrice(firings: readonly BacktestFiring[]): boolean {
  return firings.some((f) => f.trigger_value !== f.price);
}

/** The price at each firing (markers), and what was compared: on the price axis, or on their own when not prices. */
export function firingsChartData(firings: readonly BacktestFiring[]): ChartConfiguration<'line'>['data'] {
  const other = comparesOtherThanPrice(firings);
  const valueAxis = other ? 'y1' : 'y';
  return {
    labels: firings.map((f) => axisTime(f.timestamp)),
    datasets: [
      {
        label: 'Price at firing',
        data: firings.map((f) => f.price),
        borderColor: '#7cacf8',
        backgroundColor: '#7cacf8',
        pointRadius: 4,
        pointStyle: 'triangle',
        tension: 0,
      },
      {
        label: 'Trigger value',
        data: firings.map((f) => f.trigger_value),
        borderColor: '#4ade80',
        backgroundColor: '#4ade80',
        borderDash: [4, 4],
        pointRadius: 2,
        yAxisID: valueAxis,
        hidden: !other,
      },
      {
        label: 'Compared with',
        data: firings.map((f) => f.threshold_value),
        borderColor: '#fbbf24',
        backgroundColor: '#fbbf24',
        borderDash: [2, 3],
        // A lone firing still shows what it was compared with.
        pointRadius: firings.length === 1 ? 3 : 0,
        yAxisID: valueAxis,
      },
    ],
  };
}

/** The backtest's firings over time. */
@Component({
  selector: 'ta-backtest-chart',
  imports: [BaseChartDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="chart">
    <canvas baseChart type="line" [data]="data()" [options]="options()" data-testid="backtest-chart"></canvas>
  </div>`,
  styles: `
    .chart {
      position: relative;
      height: 240px;
    }
  `,
})
export class BacktestChart {
  readonly firings = input.required<readonly BacktestFiring[]>();
  protected readonly options = computed(() => (comparesOtherThanPrice(this.firings()) ? WITH_VALUE_AXIS : OPTIONS));
  protected readonly data = computed(() => firingsChartData(this.firings()));
}
