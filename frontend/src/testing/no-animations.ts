import type { Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

/** jsdom fires no transition events, so dialogs would never finish closing with animations on. */
export const noAnimations: Provider = { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } };
