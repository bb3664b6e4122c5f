import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AlertRule,
  BacktestJob,
  BacktestRequest,
  BulkRuleRequest,
  BulkRuleResponse,
  CreateRuleRequest,
  CreateRuleTemplateRequest,
  MessageResponse,
  RuleExport,
  RuleImportRequest,
  CopyRulesRequest,
  RuleImportResponse,
  RulePreview,
  RulePreviewRequest,
  RuleTemplate,
  RuleVersionsResponse,
  UpdateRuleRequest,
} from '@tradeassist/shared-types';
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

  bulk(body: BulkRuleRequest): Promise<BulkRuleResponse> {
    return firstValueFrom(this.http.post<BulkRuleResponse>('/api/rules/bulk', body));
  }

  exportAll(): Promise<RuleExport> {
    return firstValueFrom(this.http.get<RuleExport>('/api/rules/export'));
  }

  /** Copies of rules onto other instruments, all or nothing; answered as an import is. */
  copy(body: CopyRulesRequest): Promise<RuleImportResponse> {
    return firstValueFrom(this.http.post<RuleImportResponse>('/api/rules/copy', body));
  }

  importRules(body: RuleImportRequest): Promise<RuleImportResponse> {
    return firstValueFrom(this.http.post<RuleImportResponse>('/api/rules/import', body));
  }

  versions(id: number): Promise<RuleVersionsResponse> {
    return firstValueFrom(this.http.get<RuleVersionsResponse>(`/api/rules/${id}/versions`));
  }

  preview(body: RulePreviewRequest): Promise<RulePreview> {
    return firstValueFrom(this.http.post<RulePreview>('/api/rules/preview', body));
  }
}

@Injectable({ providedIn: 'root' })
export class RuleTemplatesApi {
  private readonly http = inject(HttpClient);

  list(): Promise<RuleTemplate[]> {
    return firstValueFrom(this.http.get<RuleTemplate[]>('/api/rules/templates'));
  }

  create(body: CreateRuleTemplateRequest): Promise<RuleTemplate> {
    return firstValueFrom(this.http.post<RuleTemplate>('/api/rules/templates', body));
  }

  remove(id: string): Promise<unknown> {
    return firstValueFrom(this.http.delete(`/api/rules/templates/${encodeURIComponent(id)}`));
  }
}

@Injectable({ providedIn: 'root' })
export class BacktestApi {
  private readonly http = inject(HttpClient);

  start(body: BacktestRequest): Promise<BacktestJob> {
    return firstValueFrom(this.http.post<BacktestJob>('/api/rules/backtest', body));
  }

  get(id: string): Promise<BacktestJob> {
    return firstValueFrom(this.http.get<BacktestJob>(`/api/rules/backtest/${encodeURIComponent(id)}`));
  }

  cancel(id: string): Promise<BacktestJob> {
    return firstValueFrom(this.http.delete<BacktestJob>(`/api/rules/backtest/${encodeURIComponent(id)}`));
  }
}
