import { describe, expect, it } from 'vitest';
import type { ActivityType } from '@ripe/shared';
import { buildSnapshot, instantDaysAgo, TEST_NOW } from '../techniques/test-fixtures.ts';
import { draftLanguage, messageLanguage, type DraftLanguage } from './language.agent.ts';

function email(id: string, text: string, direction: 'inbound' | 'outbound' | 'internal' = 'inbound') {
  const type: ActivityType = 'email';
  return { id, type, occurredAt: instantDaysAgo(TEST_NOW, 3), direction, text };
}

describe('messageLanguage', () => {
  it.each<[string, DraftLanguage | null]>([
    ['Bonjour, nous avons besoin de plus de licences pour la nouvelle équipe.', 'fr'],
    ['Hi, we need more seats for the new team in Berlin.', 'en'],
    ['OK 👍', null],
  ])('%s → %s', (text, language) => {
    expect(messageLanguage(text)).toBe(language);
  });
});

describe('draftLanguage', () => {
  it.each<[string, Parameters<typeof buildSnapshot>[0], DraftLanguage]>([
    ['a French account', { account: { country: 'FR' } }, 'fr'],
    ['a Belgian account', { account: { country: 'BE' } }, 'fr'],
    ['a US account without conversations', { account: { country: 'US' } }, 'en'],
    [
      'mostly French conversations elsewhere',
      {
        account: { country: 'CH' },
        activities: [
          email('a1', 'Bonjour, merci pour la démo, nous revenons vers vous.'),
          email('a2', 'Nous voulons ajouter une équipe au projet.'),
          email('a3', 'Thanks, see you on Monday.'),
        ],
      },
      'fr',
    ],
    [
      'French internal notes do not count',
      {
        account: { country: 'CA' },
        activities: [
          email('a1', 'Note : le client est content et veut plus de licences.', 'internal'),
          email('a2', 'Hi, we are adding the sales team next month.'),
        ],
      },
      'en',
    ],
  ])('%s', (_, overrides, language) => {
    expect(draftLanguage(buildSnapshot(overrides))).toBe(language);
  });
});
