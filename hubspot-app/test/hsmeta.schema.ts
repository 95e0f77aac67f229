// The *-hsmeta.json shapes this project uses, as HubSpot documents them for platform 2026.03: the developer docs'
// "App configuration" reference and HubSpot's own component templates (HubSpot/hubspot-project-components,
// 2026.03/components/{app/oauth-marketplace,cards,settings}). Strict: a misspelt key is an error here, not a
// setting HubSpot silently ignores.
import { z } from 'zod';

// permittedUrls.fetch: "fetch URLs must be valid HTTPS URLs and cannot be localhost" (Fetching data, UI extensions).
const httpsUrl = z
  .url({ protocol: /^https$/ })
  .refine((url) => !/^https:\/\/(localhost|127\.0\.0\.1)([:/]|$)/.test(url), {
    message: 'cannot be localhost',
  });
const uid = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const entrypoint = z.string().regex(/^\/app\/.+\.(jsx|tsx)$/);

export const appHsmetaSchema = z.strictObject({
  uid,
  type: z.literal('app'),
  config: z.strictObject({
    description: z.string().min(1),
    name: z.string().min(1),
    distribution: z.enum(['private', 'marketplace']),
    auth: z.strictObject({
      type: z.enum(['static', 'oauth']),
      redirectUrls: z.array(httpsUrl).min(1),
      requiredScopes: z.array(z.string()).min(1),
      optionalScopes: z.array(z.string()),
      conditionallyRequiredScopes: z.array(z.string()),
    }),
    permittedUrls: z.strictObject({
      fetch: z.array(httpsUrl),
      iframe: z.array(httpsUrl),
      img: z.array(httpsUrl),
    }),
    support: z.strictObject({
      supportEmail: z.email(),
      documentationUrl: z.url(),
      supportUrl: z.url(),
      supportPhone: z.string().optional(),
    }),
  }),
});

export const cardHsmetaSchema = z.strictObject({
  uid,
  type: z.literal('card'),
  config: z.strictObject({
    name: z.string().min(1),
    location: z.enum(['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar']),
    entrypoint,
    objectTypes: z.array(z.string()).min(1),
  }),
});

export const settingsHsmetaSchema = z.strictObject({
  uid,
  type: z.literal('settings'),
  config: z.strictObject({ entrypoint }),
});

export const hsprojectSchema = z.strictObject({
  name: z.string().min(1),
  srcDir: z.string().min(1),
  platformVersion: z.string(),
});
