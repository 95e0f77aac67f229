import type { AccountSnapshot } from '@ripe/shared';
import { usageUntil } from '../usage/ingested-usage.merge.ts';

/**
 * An account as its CRM showed it at the end of `day`, read back from today's records: what happened later is
 * dropped (activities, contacts, tickets and opportunities created after it, usage after it) and what closed
 * later is still open. Fields the CRM keeps no history of (the contract) stay as they are today.
 */
export function snapshotAsOf(snapshot: AccountSnapshot, day: string): AccountSnapshot {
  const end = `${day}T23:59:59.999Z`;
  return {
    ...snapshot,
    usage: usageUntil(snapshot.usage, day),
    contacts: snapshot.contacts
      .filter((c) => c.createdAt <= day)
      .map((c) => {
        const { leftAt, lastActivityAt, firstActivityAt, ...rest } = c;
        const first = firstActivityAt && firstActivityAt <= day ? firstActivityAt : undefined;
        const last = lastActivityAt && lastActivityAt <= day ? lastActivityAt : first;
        return {
          ...rest,
          ...(first ? { firstActivityAt: first } : {}),
          ...(last ? { lastActivityAt: last } : {}),
          ...(leftAt && leftAt <= day ? { leftAt } : {}),
        };
      }),
    activities: snapshot.activities.filter((a) => Date.parse(a.occurredAt) <= Date.parse(end)),
    tickets: snapshot.tickets
      .filter((t) => t.openedAt <= day)
      .map((t) => {
        if (!t.closedAt || t.closedAt <= day) return t;
        const { closedAt: _closed, ...open } = t;
        return { ...open, status: 'pending' as const };
      }),
    opportunities: snapshot.opportunities
      .filter((o) => o.createdAt <= day)
      .map((o) => {
        if (!o.closedAt || o.closedAt <= day) return o;
        const { closedAt: _closed, ...open } = o;
        return { ...open, stage: 'open' as const };
      }),
  };
}
