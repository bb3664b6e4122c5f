import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Something went wrong, said in a line, with the details under it (a 422's fields, say). */
@Component({
  selector: 'ta-problem-box',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert' },
  template: `
    {{ message() }}
    @if (lines().length > 0) {
      <ul>
        @for (line of lines(); track line) {
          <li>{{ line }}</li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      border-left: 4px solid var(--ta-down);
      background: color-mix(in srgb, var(--ta-down) 12%, transparent);
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
  `,
})
export class ProblemBox {
  readonly message = input.required<string>();
  readonly lines = input<readonly string[]>([]);
}
