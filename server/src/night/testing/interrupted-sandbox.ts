import type { PulledAccount, SyncCursor } from '../../connectors/crm-connector.ts';
import { sandboxConnector } from '../../connectors/sandbox/sandbox.connector.ts';
import type { ConnectorResolver } from '../connector-resolver.ts';

/**
 * A sandbox connector with pages of 10 whose pull stops at page `failAt` (counted from where each pull starts)
 * with `error`, or waits on `gate` there. `starts` records where each pull started in the change order.
 */
export function interruptedSandbox(options: { failAt: number; error?: Error; gate?: Promise<void> }) {
  const starts: SyncCursor[] = [];
  const resolve: ConnectorResolver = (org, day) => {
    const connector = sandboxConnector({ settings: org.sandbox, asOf: day, priceBook: org.priceBook });
    return {
      ...connector,
      async *pullAccounts(request) {
        starts.push(request.after);
        let page: PulledAccount[] = [];
        let index = 0;
        for await (const crmPage of connector.pullAccounts(request)) {
          for (const account of crmPage) {
            page.push(account);
            if (page.length < 10) continue;
            if (index === options.failAt) {
              if (options.gate) await options.gate;
              if (options.error) throw options.error;
            }
            index += 1;
            yield page;
            page = [];
          }
        }
        if (page.length > 0) yield page;
      },
    };
  };
  return { resolve, starts };
}
