// The expansion card in a real browser: Debian's Chromium (through playwright-core, never a downloaded
// browser) opens a ready account of the preview, reads the card, clicks Approve, and the emulator's Account
// holds the decision.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBundle } from './card-bundle.ts';
import { startSalesforcePreview, type SalesforcePreview } from './salesforce-preview.ts';

const CHROMIUM = '/usr/bin/chromium';
// The org's data date; the browser's clock is set to the morning after the night, so the verdict is fresh.
const AS_OF = '2026-06-30';
const hasChromium = existsSync(CHROMIUM);
const screenshots = join(import.meta.dirname, '../../../../test-output/salesforce-preview');

describe.skipIf(!hasChromium)(
  `the expansion card in Chromium${hasChromium ? '' : ' (skipped: no Chromium at /usr/bin/chromium: apt-get install chromium)'}`,
  () => {
    let preview: SalesforcePreview;
    let browser: Browser;

    beforeAll(async () => {
      // The bundle compiles while the night runs.
      [preview] = await Promise.all([
        startSalesforcePreview({ accounts: 60, seed: 7, asOf: AS_OF }),
        cardBundle(),
      ]);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await preview?.close();
    });

    it('lists the accounts ready first, and shows and approves the card of a ready account', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
      await page.clock.setFixedTime(new Date(`${AS_OF}T09:00:00Z`));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(preview.url);
      const readiness = await page.locator('td[data-readiness]').allInnerTexts();
      expect(readiness[0]).toBe('ready');
      expect(readiness.indexOf('not_ready')).toBeGreaterThan(readiness.lastIndexOf('ready'));

      const first = page.locator('tbody th a').first();
      const name = (await first.innerText()) ?? '';
      await first.click();
      const accountId = page.url().split('/').at(-1) ?? '';
      const account = preview.org.emulator.state.tables.Account.get(accountId);
      expect(account?.ripe__Readiness__c).toBe('ready');

      const card = page.locator('c-expansion-card');
      // innerText: what the reader sees (synthetic shadow keeps a component's text out of textContent).
      await expect
        .poll(() => card.locator('[data-id="readiness"]').innerText(), { timeout: 30_000 })
        .toBe('Ready');
      await expect(page.locator('h1').innerText()).resolves.toBe(name);

      // The potential with its range, in dollars, as the night wrote it.
      const potential = Number(account?.ripe__Potential__c);
      const dollars = (value: number) => `$${Math.round(value).toLocaleString('en-US')}`;
      await expect(card.locator('[data-id="potential"]').innerText()).resolves.toBe(dollars(potential));
      await expect(card.locator('[data-id="range"]').innerText()).resolves.toContain(
        dollars(Number(account?.ripe__PotentialLow__c)),
      );

      // Every signal with its fact and date; the approach with its next step.
      const signalLines = String(account?.ripe__Signals__c).split('\n');
      const signals = card.locator('[data-id="signals"] li');
      await expect(signals.count()).resolves.toBe(signalLines.length);
      await expect(signals.first().innerText()).resolves.toContain(signalLines[0]?.split(':')[0]);
      await expect(card.locator('[data-id="approach"]').isVisible()).resolves.toBe(true);
      await expect(card.locator('[data-id="window"]').isVisible()).resolves.toBe(true);
      for (const id of ['approve', 'adjust', 'reject', 'snooze'])
        await expect(card.locator(`[data-id="${id}"]`).isVisible(), id).resolves.toBe(true);
      await expect.poll(() => card.locator('c-usage-chart polyline').count()).toBe(1);

      await mkdir(screenshots, { recursive: true });
      await card.screenshot({ path: join(screenshots, 'ready-account.png') });

      await card.locator('[data-id="approve"] button').click();
      await expect.poll(() => card.locator('[data-id="status"]').innerText()).toBe('Approved');
      await expect.poll(() => page.locator('#toasts').innerText()).toBe('Decision saved');
      expect(preview.org.emulator.state.tables.Account.get(accountId)?.ripe__Status__c).toBe('approved');
      await card.screenshot({ path: join(screenshots, 'approved.png') });

      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  },
);
