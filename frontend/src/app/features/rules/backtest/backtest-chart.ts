import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BacktestFiring, BacktestResult } from '@tradeassist/shared-types';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

const GRID = 'rgba(255,255,255,0.06)';
const TICKS = '#9aa0a6';

/** UTC "MM-DD HH:mm", short enough for an axis; the tooltip adds the seconds. */
const axisTime = (ms: number) => new Date(ms).toISOString().slice(5, 16).replace('T', ' ');
const tooltipTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Time runs along a linear axis in epoch ms (no date adapter needed), labelled in UTC as the rest of the console. */
function chartOptions(valueAxis: boolean): ChartConfiguration<'line'>['options'] {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    plugins: {
      legend: { labels: { color: '#c4c7c5' } },
      tooltip: { callbacks: { title: (items) => (items[0] ? `${tooltipTime(items[0].parsed.x ?? 0)} UTC` : '') } },
    },
    scales: {
      x: {
        type: 'linear',
        ticks: { color: TICKS, maxTicksLimit: 8, maxRotation: 0, callback: (v) => axisTime(Number(v)) },
        grid: { color: GRID },
      },
      y: { ticks: { color: TICKS }, grid: { color: GRID } },
      ...(valueAxis && { y1: { position: 'right' as const, ticks: { color: TICKS }, grid: { drawOnChartArea: false } } }),
    },
  };
}

/** True when what fired was not the price itself (an indicator, a percent change, a volume). */
export function comparesOtherThanPrice(firings: readonly BacktestFiring[]): boolean {
  return firings.some((f) => f.trigger_value !== f.price);
}

const point = (timestamp: string, y: number) => ({ x: Date.parse(timestamp), y });

/**
 * The price over the range as a line, a marker at each firing on it, and what was compared at
 * each firing: on the price axis, or on an axis of their own when not prices (RSI 0..100 against
 * a price of 6000).
 */
export function backtestChartData(result: Pick<BacktestResult, 'firings' | 'price_path'>): ChartConfiguration<'line'>['data'] {
  const { firings, price_path: path } = result;
  const valueAxis = comparesOtherThanPrice(firings) ? 'y1' : 'y';
  const markers = { showLine: false, borderWidth: 0 };
  return {
    datasets: [
      {
        label: 'Price',
        data: path.map((p) => point(p.timestamp, p.price)),
        borderColor: '#7cacf8',
        backgroundColor: '#7cacf8',
        borderWidth: 1.5,
        pointRadius: 0,
        tension: 0,
      },
      {
        ...markers,
        label: 'Fired',
        data: firings.map((f) => point(f.timestamp, f.price)),
        backgroundColor: '#f472b6',
        pointStyle: 'triangle',
        pointRadius: 6,
      },
      {
        ...markers,
        label: 'Trigger value',
        data: firings.map((f) => point(f.timestamp, f.trigger_value)),
        backgroundColor: '#4ade80',
        pointRadius: 3,
        yAxisID: valueAxis,
        hidden: valueAxis === 'y',
      },
      {
        ...markers,
        label: 'Compared with',
        data: firings.map((f) => point(f.timestamp, f.threshold_value)),
        backgroundColor: '#fbbf24',
        pointRadius: 2,
        yAxisID: valueAxis,
      },
    ],
  };
}

/** The backtest's price path with its firings. */
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
  readonly result = input.required<Pick<BacktestResult, 'firings' | 'price_path'>>();
  protected readonly options = computed(() => chartOptions(comparesOtherThanPrice(this.result().firings)));
  protected readonly data = computed(() => backtestChartData(this.result()));
}
