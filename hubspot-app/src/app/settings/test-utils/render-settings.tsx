import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { HubSpotFetch } from '../api/ripe-client.ts';
import { SettingsPage } from '../SettingsPage.tsx';

export const backendUrl = 'https://ripe.example.com';

/** Renders the settings page as HubSpot would, its calls answered by `fetcher`. */
export function renderSettings(
  fetcher: HubSpotFetch,
  variables: Record<string, string> = { RIPE_PUBLIC_URL: backendUrl },
) {
  const renderer = createRenderer('settings');
  renderer.mocks.context.variables = variables;
  renderer.render(<SettingsPage fetcher={fetcher} />);
  return renderer;
}
