import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { ApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';

@Component({
  selector: 'ta-login-page',
  imports: [FormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="wrap">
      <mat-card appearance="outlined" class="card">
        <mat-card-header>
          <mat-card-title class="brand"><mat-icon class="logo">show_chart</mat-icon>TradeAssist</mat-card-title>
          <mat-card-subtitle>Sign in to your alert console</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          <form (ngSubmit)="submit()" class="form">
            <mat-form-field>
              <mat-label>Username</mat-label>
              <input matInput name="username" [(ngModel)]="username" autocomplete="username" required data-testid="login-username" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>Password</mat-label>
              <input
                matInput
                type="password"
                name="password"
                [(ngModel)]="password"
                autocomplete="current-password"
                required
                data-testid="login-password"
              />
            </mat-form-field>
            @if (error(); as e) {
              <p class="error" role="alert">{{ e }}</p>
            }
            <button mat-flat-button type="submit" [disabled]="busy() || !username() || !password()" data-testid="login-submit">
              Sign in
            </button>
          </form>
          <p class="hint">First start? Use ADMIN_USERNAME / ADMIN_PASSWORD, or the one-time password the server printed.</p>
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styles: `
    .wrap {
      min-height: 100vh;
      display: grid;
      place-items: center;
    }
    .card {
      width: 380px;
    }
    .brand {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .logo {
      color: var(--ta-up);
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 16px;
    }
    .error {
      color: var(--ta-down);
      margin: 0 0 8px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      margin-top: 16px;
    }
  `,
})
export class LoginPage {
  readonly returnUrl = input<string>('/');
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected async submit(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.login(this.username().trim(), this.password());
      const target = this.auth.mustChangePassword() ? '/account' : this.returnUrl() || '/';
      await this.router.navigateByUrl(target.startsWith('/') && !target.startsWith('/login') ? target : '/');
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    } finally {
      this.busy.set(false);
    }
  }
}
