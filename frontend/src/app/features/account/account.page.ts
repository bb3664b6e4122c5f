import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { ROLES, roleAtLeast, type ApiKeyDto, type Role } from '@tradeassist/shared-types';
import { AccountsApi } from '../../core/api/accounts-api';
import { ApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { formatTime } from '../../shared/format';

@Component({
  selector: 'ta-account-page',
  imports: [FormsModule, MatCardModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account.page.html',
  styles: `
    .form {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .error {
      color: var(--ta-down);
    }
    .ok {
      color: var(--ta-up);
    }
    .key {
      font-family: monospace;
      padding: 8px;
      background: var(--mat-sys-surface-container-high);
      border-radius: 4px;
      word-break: break-all;
    }
    .revoked {
      opacity: 0.5;
    }
  `,
})
export class AccountPage implements OnInit {
  readonly forced = input<string | undefined>();
  protected readonly auth = inject(AuthService);
  private readonly api = inject(AccountsApi);
  private readonly router = inject(Router);
  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly passwordError = signal<string | null>(null);
  protected readonly passwordOk = signal(false);
  protected readonly keys = signal<ApiKeyDto[]>([]);
  protected readonly keyName = signal('');
  protected readonly keyRole = signal<Role>('viewer');
  protected readonly keyExpiry = signal('');
  protected readonly issued = signal<string | null>(null);
  protected readonly keyError = signal<string | null>(null);
  protected readonly columns = ['name', 'prefix', 'role', 'owner', 'expires', 'used', 'actions'];
  protected readonly time = formatTime;

  protected roles(): Role[] {
    const role = this.auth.user()?.role ?? 'viewer';
    return ROLES.filter((r) => roleAtLeast(role, r));
  }

  ngOnInit(): void {
    if (!this.auth.mustChangePassword()) void this.loadKeys();
  }

  protected async changePassword(): Promise<void> {
    this.passwordError.set(null);
    try {
      const wasForced = this.auth.mustChangePassword();
      await this.auth.changePassword({ current_password: this.current(), new_password: this.next() });
      this.current.set('');
      this.next.set('');
      this.passwordOk.set(true);
      if (wasForced) await this.router.navigateByUrl('/');
    } catch (e) {
      const error = ApiError.from(e);
      this.passwordError.set(error.fields['new_password']?.join('; ') ?? error.message);
    }
  }

  protected async signOut(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/login']);
  }

  protected async createKey(): Promise<void> {
    this.keyError.set(null);
    try {
      const expiry = this.keyExpiry() ? new Date(`${this.keyExpiry()}T23:59:59Z`).toISOString() : undefined;
      const issued = await this.api.createApiKey({
        name: this.keyName().trim(),
        role: this.keyRole(),
        ...(expiry && { expires_at: expiry }),
      });
      this.issued.set(issued.key);
      this.keyName.set('');
      await this.loadKeys();
    } catch (e) {
      const error = ApiError.from(e);
      this.keyError.set(Object.values(error.fields).flat().join('; ') || error.message);
    }
  }

  protected async revoke(key: ApiKeyDto): Promise<void> {
    await this.api.revokeApiKey(key.id);
    await this.loadKeys();
  }

  private async loadKeys(): Promise<void> {
    this.keys.set(await this.api.apiKeys());
  }
}
