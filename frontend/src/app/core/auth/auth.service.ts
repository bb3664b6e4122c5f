import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { roleAtLeast, type ChangePasswordRequest, type MeResponse, type Role, type SessionResponse } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../api/api-error';

/** Who is signed in. Cookies carry the session; this only mirrors /api/auth/me for the UI. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  readonly user = signal<MeResponse | null>(null);
  readonly loaded = signal(false);
  readonly mustChangePassword = computed(() => this.user()?.must_change_password ?? false);
  private refreshing: Promise<boolean> | null = null;

  /** The UI hides what a role cannot do; the server refuses it anyway. */
  can(role: Role): boolean {
    const user = this.user();
    return user !== null && roleAtLeast(user.role, role);
  }

  async load(): Promise<MeResponse | null> {
    try {
      this.user.set(await firstValueFrom(this.http.get<MeResponse>('/api/auth/me')));
    } catch (error) {
      if (ApiError.from(error).status !== 401) throw error;
      this.user.set(null);
    } finally {
      this.loaded.set(true);
    }
    return this.user();
  }

  async login(username: string, password: string): Promise<void> {
    await firstValueFrom(this.http.post<SessionResponse>('/api/auth/login', { username, password }));
    await this.load();
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post('/api/auth/logout', {}));
    } finally {
      this.user.set(null);
    }
  }

  async changePassword(body: ChangePasswordRequest): Promise<void> {
    await firstValueFrom(this.http.post('/api/auth/password', body));
    await this.load();
  }

  /** One refresh at a time, however many requests hit a 401 together. */
  refresh(): Promise<boolean> {
    this.refreshing ??= firstValueFrom(this.http.post<SessionResponse>('/api/auth/refresh', {}))
      .then(() => true)
      .catch(() => {
        this.user.set(null);
        return false;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }
}
