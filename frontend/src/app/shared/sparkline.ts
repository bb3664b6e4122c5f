import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

const OPTIONS: ChartConfiguration<'line'>['options'] = {
  responsive: false,
  animation: false,
  events: [],
  plugins: { legend: { display: false }, tooltip: { enabled: false } },
  scales: { x: { display: false }, y: { display: false } },
  elements: { point: { radius: 0 }, line: { borderWidth: 1.5, tension: 0.2 } },
};

/** A tiny price line; green when the series ends above its start, red below. */
@Component({
  selector: 'ta-sparkline',
  imports: [BaseChartDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<canvas baseChart type="line" [data]="data()" [options]="options" width="120" height="32"></canvas>`,
})
export class Sparkline {
  readonly values = input.required<readonly number[]>();
  protected readonly options = OPTIONS;
  protected readonly data = computed<ChartConfiguration<'line'>['data']>(() => {
    const v = this.values();
    const rising = v.length < 2 || (v[v.length - 1] ?? 0) >= (v[0] ?? 0);
    return {
      labels: v.map((_, i) => i),
      datasets: [{ data: [...v], borderColor: rising ? '#4ade80' : '#f87171', fill: false }],
    };
  });
}
