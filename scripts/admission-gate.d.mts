/** See admission-gate.mjs. */
export function createAdmissionGate(limit: number): (start: (done: () => void) => void, abandoned?: () => boolean) => void;
export function inFlightLimit(env?: Record<string, string | undefined>): number;
export function waitsItsTurn(req: { url?: string; headers: Record<string, string | string[] | undefined> }): boolean;
