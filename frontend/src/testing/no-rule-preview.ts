import type { Provider } from '@angular/core';
import { PREVIEW_DEBOUNCE_MS } from '../app/features/rules/preview/rule-preview-panel';

/** For editor tests about other things: the live preview (tested on its own) would add a POST to each of them. */
export const noRulePreview: Provider = { provide: PREVIEW_DEBOUNCE_MS, useValue: 3_600_000 };
