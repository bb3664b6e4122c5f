import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApiKeyDto,
  CreateApiKeyRequest,
  CreateUserRequest,
  IssuedApiKey,
  UpdateUserRequest,
  UserDto,
} from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  users(): Promise<UserDto[]> {
    return firstValueFrom(this.http.get<UserDto[]>('/api/users'));
  }

  createUser(body: CreateUserRequest): Promise<UserDto> {
    return firstValueFrom(this.http.post<UserDto>('/api/users', body));
  }

  updateUser(id: number, body: UpdateUserRequest): Promise<UserDto> {
    return firstValueFrom(this.http.put<UserDto>(`/api/users/${id}`, body));
  }

  deleteUser(id: number): Promise<unknown> {
    return firstValueFrom(this.http.delete(`/api/users/${id}`));
  }

  apiKeys(): Promise<ApiKeyDto[]> {
    return firstValueFrom(this.http.get<ApiKeyDto[]>('/api/api-keys'));
  }

  createApiKey(body: CreateApiKeyRequest): Promise<IssuedApiKey> {
    return firstValueFrom(this.http.post<IssuedApiKey>('/api/api-keys', body));
  }

  revokeApiKey(id: number): Promise<unknown> {
    return firstValueFrom(this.http.delete(`/api/api-keys/${id}`));
  }
}
