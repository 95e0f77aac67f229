// The preview's routes: the demo org's accounts, ready first, and each account's page with the expansion
// card, the card's bundle, SLDS, and the UI API slice the card's platform stand-ins call.
import express, { type Request, type Response, type Router } from 'express';
import { cardBundle, sldsAssets } from './card-bundle.ts';
import {
  getUiRecord,
  query,
  relatedListRecords,
  UiApiError,
  updateUiRecord,
  type EmulatorApi,
} from './ui-api.ts';

export const PREVIEW_BASE = '/preview/salesforce';

const READINESS_ORDER = ['ready', 'caution', 'nurture', 'not_ready'];

const list = (value: unknown): string[] =>
  typeof value === 'string' && value.length > 0 ? value.split(',') : [];

function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${PREVIEW_BASE}/slds/styles/salesforce-lightning-design-system.min.css">
</head>
<body class="slds-theme_shade">
<main class="slds-p-around_medium">${body}</main>
</body>
</html>`;
}

const money = (value: unknown) =>
  typeof value === 'number'
    ? value.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
    : '';

async function accountsPage(api: EmulatorApi): Promise<string> {
  const accounts = await query(
    api,
    'SELECT Id, Name, ripe__Readiness__c, ripe__Motion__c, ripe__ExpectedValue__c, ripe__Potential__c, ripe__Status__c FROM Account',
  );
  const rank = (readiness: unknown) => {
    const index = READINESS_ORDER.indexOf(String(readiness));
    return index === -1 ? READINESS_ORDER.length : index;
  };
  accounts.sort(
    (a, b) =>
      rank(a.ripe__Readiness__c) - rank(b.ripe__Readiness__c) ||
      Number(b.ripe__ExpectedValue__c ?? 0) - Number(a.ripe__ExpectedValue__c ?? 0),
  );
  const rows = accounts
    .map(
      (account) => `<tr>
<th scope="row"><a href="${PREVIEW_BASE}/accounts/${escapeHtml(account.Id)}">${escapeHtml(account.Name)}</a></th>
<td data-readiness>${escapeHtml(account.ripe__Readiness__c ?? 'not scored')}</td>
<td>${escapeHtml(account.ripe__Motion__c)}</td>
<td class="slds-text-align_right">${money(account.ripe__Potential__c)}</td>
<td class="slds-text-align_right">${money(account.ripe__ExpectedValue__c)}</td>
<td>${escapeHtml(account.ripe__Status__c)}</td>
</tr>`,
    )
    .join('\n');
  return page(
    'Ripe — Salesforce preview',
    `<h1 class="slds-text-heading_large slds-m-bottom_medium">Accounts of the demo org, ready first</h1>
<table class="slds-table slds-table_cell-buffer slds-table_bordered">
<thead><tr><th scope="col">Account</th><th scope="col">Readiness</th><th scope="col">Motion</th>
<th scope="col">Potential</th><th scope="col">Expected value</th><th scope="col">Status</th></tr></thead>
<tbody>${rows}</tbody>
</table>`,
  );
}

async function accountPage(api: EmulatorApi, id: string): Promise<string> {
  const account = await getUiRecord(api, id, ['Account.Name'], []);
  const name = escapeHtml(account.fields.Name?.value);
  return page(
    `${name} — Ripe`,
    `<p><a href="${PREVIEW_BASE}">← Accounts</a></p>
<h1 class="slds-text-heading_large slds-m-vertical_small">${name}</h1>
<div class="slds-grid slds-gutters">
  <div class="slds-col slds-size_1-of-3" style="min-width: 26rem">
    <div id="expansion-card" data-record-id="${escapeHtml(id)}"></div>
  </div>
  <div class="slds-col">
    <div id="toasts" aria-live="polite"></div>
  </div>
</div>
<script>
  document.addEventListener('lightning__showtoast', (event) => {
    const toast = document.createElement('div');
    toast.className = 'slds-notify slds-notify_alert slds-theme_' + (event.detail.variant || 'info');
    toast.setAttribute('role', 'status');
    toast.textContent = event.detail.title;
    document.getElementById('toasts').replaceChildren(toast);
  });
</script>
<script type="module" src="${PREVIEW_BASE}/card.js"></script>`,
  );
}

function sendError(res: Response, error: unknown): void {
  if (error instanceof UiApiError) res.status(error.status).json(error.body);
  else res.status(500).json({ message: error instanceof Error ? error.message : String(error) });
}

export function salesforcePreviewRouter(api: EmulatorApi): Router {
  const router = express.Router();
  router.use('/slds', express.static(sldsAssets, { fallthrough: false }));

  router.get('/', async (_req, res) => {
    try {
      res.type('html').send(await accountsPage(api));
    } catch (error) {
      sendError(res, error);
    }
  });
  router.get('/accounts/:id', async (req: Request<{ id: string }>, res) => {
    try {
      res.type('html').send(await accountPage(api, req.params.id));
    } catch (error) {
      sendError(res, error);
    }
  });
  router.get('/card.js', async (_req, res) => {
    try {
      res.type('text/javascript').send(await cardBundle());
    } catch (error) {
      sendError(res, error);
    }
  });

  router.get('/ui-api/records/:id', async (req: Request<{ id: string }>, res) => {
    try {
      res.json(await getUiRecord(api, req.params.id, list(req.query.fields), list(req.query.optionalFields)));
    } catch (error) {
      sendError(res, error);
    }
  });
  router.patch('/ui-api/records/:id', express.json(), async (req: Request<{ id: string }>, res) => {
    try {
      const { fields } = req.body as { fields: Record<string, unknown> };
      await updateUiRecord(api, req.params.id, fields);
      res.json(
        await getUiRecord(
          api,
          req.params.id,
          Object.keys(fields).map((f) => `Account.${f}`),
          [],
        ),
      );
    } catch (error) {
      sendError(res, error);
    }
  });
  router.get(
    '/ui-api/related-list-records/:parentId/:relatedListId',
    async (req: Request<{ parentId: string; relatedListId: string }>, res) => {
      try {
        res.json(
          await relatedListRecords(api, req.params.parentId, req.params.relatedListId, {
            fields: list(req.query.fields),
            sortBy: list(req.query.sortBy),
            pageSize: Number(req.query.pageSize ?? 50),
          }),
        );
      } catch (error) {
        sendError(res, error);
      }
    },
  );
  router.get('/records/:id', async (req: Request<{ id: string }>, res) => {
    try {
      res.json(await getUiRecord(api, req.params.id, ['Contact.Name'], ['Contact.Title', 'Contact.Email']));
    } catch (error) {
      sendError(res, error);
    }
  });
  return router;
}
