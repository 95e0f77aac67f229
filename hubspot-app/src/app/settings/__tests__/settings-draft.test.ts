import { describe, expect, it } from 'vitest';
import { issuesByField } from '../settings-draft.ts';
import { channelFields, ruleFields } from '../settings-fields.ts';

const fields = [...ruleFields, ...channelFields];

describe('issuesByField', () => {
  it("puts each issue on the field of its path or of the path's deepest prefix, the rest apart", () => {
    const issues = [
      { field: 'rules.composite.readyScore', message: 'must be at most 100' },
      { field: 'channels.email.digestRecipients.3', message: 'must be an email address' },
      { field: 'channels.email.digestRecipients', message: 'must have at most 50 recipients' },
      { field: 'priceBook.tiers.0.id', message: 'is used by another tier' },
      { field: null, message: 'no field' },
    ];
    expect(issuesByField(issues, fields)).toStrictEqual({
      byField: {
        'rules.composite.readyScore': 'must be at most 100',
        'channels.email.digestRecipients': 'must be an email address; must have at most 50 recipients',
      },
      unplaced: [issues[3], issues[4]],
    });
  });
});
