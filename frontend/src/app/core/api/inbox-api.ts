import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InboxAction, InboxItem, InboxPage } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

/** The signed-in user's notification center. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  /** Newest first; with afterId, only what came after it, oldest first. */
  page(afterId?: number): Promise<InboxPage> {
    let params = new HttpParams();
    if (afterId !== undefined) params = params.set('after_id', afterId);
    return firstValueFrom(this.http.get<InboxPage>('/api/inbox', { params }));
  }

  act(id: number, action: InboxAction, minutes?: number): Promise<InboxItem> {
    return firstValueFrom(this.http.post<InboxItem>(`/api/inbox/${id}/${action}`, minutes === undefined ? {} : { minutes }));
  }

  readAll(): Promise<{ updated: number }> {
    return firstValueFrom(this.http.post<{ updated: number }>('/api/inbox/read-all', {}));
  }
}
