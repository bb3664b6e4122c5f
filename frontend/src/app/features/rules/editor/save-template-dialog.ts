import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RULE_LIMITS } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

export interface SaveTemplateData {
  name: string;
  /** The rule's instrument, offered as the template's suggested one. */
  symbol: string | null;
}

export interface SaveTemplateResult {
  name: string;
  description: string;
  symbol: string | null;
}

@Component({
  selector: 'ta-save-template-dialog',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Save as template</h2>
    <mat-dialog-content class="content">
      <mat-form-field>
        <mat-label>Template name</mat-label>
        <input matInput [(ngModel)]="name" required [maxlength]="limits.nameMaxLength" data-testid="template-name" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Description</mat-label>
        <textarea matInput rows="2" [(ngModel)]="description" data-testid="template-description"></textarea>
      </mat-form-field>
      @if (data.symbol) {
        <mat-slide-toggle [(ngModel)]="keepSymbol">Suggest {{ data.symbol }} as its instrument</mat-slide-toggle>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>Cancel</button>
      <button mat-flat-button [disabled]="name().trim() === ''" [mat-dialog-close]="result()" data-testid="template-save">
        Save template
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      min-width: 360px;
    }
  `,
})
export class SaveTemplateDialog {
  protected readonly data = inject<SaveTemplateData>(MAT_DIALOG_DATA);
  protected readonly limits = RULE_LIMITS;
  protected readonly name = signal(this.data.name);
  protected readonly description = signal('');
  protected readonly keepSymbol = signal(false);

  protected result(): SaveTemplateResult {
    return { name: this.name().trim(), description: this.description().trim(), symbol: this.keepSymbol() ? this.data.symbol : null };
  }
}

/** Resolves with what to save, or null when the trader cancelled. */
export async function askTemplateDetails(dialog: MatDialog, data: SaveTemplateData): Promise<SaveTemplateResult | null> {
  const ref = dialog.open<SaveTemplateDialog, SaveTemplateData, SaveTemplateResult>(SaveTemplateDialog, { data, width: '480px' });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
