import { z } from 'zod';

export type WebhookChannel = 'slack' | 'teams';

/** Where each channel's webhook URL is sealed (the secrets module): the URL is a credential. */
export const webhookSecretName = {
  slack: 'channels.slack.webhook_url',
  teams: 'channels.teams.webhook_url',
} as const satisfies Record<WebhookChannel, string>;

const webhookHosts: Record<WebhookChannel, RegExp> = {
  slack: /^hooks\.slack\.com$/,
  // Incoming webhooks (connectors) and Workflows / Power Automate triggers.
  teams: /(^|\.)(webhook\.office\.com|logic\.azure\.com|powerplatform\.com|api\.powerautomate\.com)$/,
};

// Messages never quote the URL: it is a secret.
const webhookUrl = (channel: WebhookChannel, example: string) =>
  z
    .string({ error: 'must be a URL' })
    .max(2_048, { error: 'must have at most 2,048 characters' })
    .refine(
      (raw) => {
        try {
          const url = new URL(raw);
          return (
            url.protocol === 'https:' && webhookHosts[channel].test(url.hostname) && url.pathname.length > 1
          );
        } catch {
          return false;
        }
      },
      { error: `must be an https ${channel === 'slack' ? 'Slack' : 'Teams'} webhook URL such as ${example}` },
    );

/**
 * A webhook channel as written: `webhookUrl` sets the URL (a string), removes it (`null`) or keeps
 * it (absent). `webhookConfigured` is what reads return and is ignored on the way in, so that a
 * settings document read can be written back as it is.
 */
const webhookChannelInput = (channel: WebhookChannel, example: string) =>
  z
    .strictObject({
      webhookUrl: webhookUrl(channel, example).nullable().optional(),
      webhookConfigured: z.boolean().optional(),
    })
    .prefault({});

export const channelsInputSchema = z
  .strictObject({
    email: z
      .strictObject({
        digestRecipients: z
          .array(z.email({ error: 'must be an email address' }))
          .max(50, { error: 'must have at most 50 recipients' })
          .default([]),
      })
      .prefault({}),
    slack: webhookChannelInput('slack', 'https://hooks.slack.com/services/T000/B000/XXXX'),
    teams: webhookChannelInput('teams', 'https://acme.webhook.office.com/webhookb2/…'),
  })
  .prefault({});
export type ChannelsInput = z.infer<typeof channelsInputSchema>;

/** The channels as stored and read: recipients, and whether each webhook is configured. */
export interface Channels {
  email: { digestRecipients: string[] };
  slack: { webhookConfigured: boolean };
  teams: { webhookConfigured: boolean };
}

export const channelsSchema = z.object({
  email: z.object({ digestRecipients: z.array(z.string()) }),
  slack: z.object({ webhookConfigured: z.boolean() }),
  teams: z.object({ webhookConfigured: z.boolean() }),
});
