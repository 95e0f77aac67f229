import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { HubSpotFetch } from '../api/ripe-client.ts';
import { ExpansionCard } from '../ExpansionCard.tsx';

export const backendUrl = 'https://ripe.example.com';

interface Options {
  locale?: string;
  /** The profile variables HubSpot hands the card; RIPE_PUBLIC_URL set unless given. */
  variables?: Record<string, string>;
}

/** Renders the card of company 101 as HubSpot would, its calls answered by `fetcher`. */
export function renderCard(fetcher: HubSpotFetch, options: Options = {}) {
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectId = 101;
  renderer.mocks.context.user.locale = options.locale ?? 'en-US';
  renderer.mocks.context.variables = options.variables ?? { RIPE_PUBLIC_URL: backendUrl };
  renderer.render(<ExpansionCard fetcher={fetcher} />);
  return renderer;
}
