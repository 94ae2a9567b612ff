import type { ApiClient } from '../../../shared/api/client';
import type { KoppelApi } from '../../../shared/api/contract';

let client: ApiClient | null = null;

/** Set once at start-up (main.tsx); stores and screens reach the API through `api()`. */
export function setApiClient(next: ApiClient): void {
  client = next;
}

export function apiClient(): ApiClient {
  if (!client) throw new Error('The API client is not connected yet.');
  return client;
}

export function api(): KoppelApi {
  return apiClient().api;
}
