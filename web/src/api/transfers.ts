// The transfer routes: the stored transfers, one transfer's detail, and its check against the
// embargo rules, typed by the server's schemas.
import { request, type Answer } from './http.ts';

export type TransferListing = Answer<'/transfers'>;
export type Transfer = Answer<'/transfers/{id}'>;
export type TransferCheck = Answer<'/transfers/{id}/violations'>;
export type RuleFinding = TransferCheck['breaches'][number];
export type TransferClaim = TransferCheck['evidence']['claims'][number];
export type TransferParty = TransferCheck['parties'][number];

const transferPath = (id: string) => `/transfers/${encodeURIComponent(id)}`;

export function listTransfers(signal?: AbortSignal): Promise<TransferListing> {
  return request('/transfers', { signal });
}

export function getTransfer(id: string, signal?: AbortSignal): Promise<Transfer> {
  return request(transferPath(id), { signal });
}

export function checkTransfer(id: string, signal?: AbortSignal): Promise<TransferCheck> {
  return request(`${transferPath(id)}/violations`, { signal });
}
