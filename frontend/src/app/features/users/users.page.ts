import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { ROLES, type Role, type UpdateUserRequest, type UserDto } from '@tradeassist/shared-types';
import { AccountsApi } from '../../core/api/accounts-api';
import { ApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { formatTime } from '../../shared/format';

@Component({
  selector: 'ta-users-page',
  imports: [
    FormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatTableModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.page.html',
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
    .role-select {
      width: 120px;
    }
  `,
})
export class UsersPage implements OnInit {
  private readonly api = inject(AccountsApi);
  protected readonly auth = inject(AuthService);
  protected readonly roles = ROLES;
  protected readonly users = signal<UserDto[]>([]);
  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly role = signal<Role>('trader');
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['username', 'role', 'active', 'last', 'status', 'actions'];
  protected readonly time = formatTime;

  ngOnInit(): void {
    void this.load();
  }

  protected async create(): Promise<void> {
    await this.run(async () => {
      await this.api.createUser({ username: this.username().trim(), password: this.password(), role: this.role() });
      this.username.set('');
      this.password.set('');
    });
  }

  protected update(user: UserDto, body: UpdateUserRequest): Promise<void> {
    return this.run(() => this.api.updateUser(user.id, body));
  }

  protected remove(user: UserDto): Promise<void> {
    return this.run(() => this.api.deleteUser(user.id));
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      this.error.set(null);
    } catch (e) {
      const error = ApiError.from(e);
      this.error.set(Object.values(error.fields).flat().join('; ') || error.message);
    }
    await this.load();
  }

  private async load(): Promise<void> {
    this.users.set(await this.api.users());
  }
}
