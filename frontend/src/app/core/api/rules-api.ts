import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AlertRule, CreateRuleRequest, MessageResponse, UpdateRuleRequest } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class RulesApi {
  private readonly http = inject(HttpClient);

  list(): Promise<AlertRule[]> {
    return firstValueFrom(this.http.get<AlertRule[]>('/api/rules'));
  }

  create(body: CreateRuleRequest): Promise<AlertRule> {
    return firstValueFrom(this.http.post<AlertRule>('/api/rules', body));
  }

  update(id: number, body: UpdateRuleRequest): Promise<AlertRule> {
    return firstValueFrom(this.http.put<AlertRule>(`/api/rules/${id}`, body));
  }

  remove(id: number): Promise<MessageResponse> {
    return firstValueFrom(this.http.delete<MessageResponse>(`/api/rules/${id}`));
  }
}
