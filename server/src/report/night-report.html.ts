import type { Verdict } from '@ripe/shared';
import type { NightSummary } from '../night/run-night.ts';
import { escapeHtml } from './html.ts';
import { usageChartSvg } from './usage-chart.svg.ts';

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

const style = `body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#222}
table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
th{background:#f6f7f9}.num{text-align:right;font-variant-numeric:tabular-nums}.pill{padding:1px 8px;border-radius:10px;font-size:12px}
.ready{background:#d4f5dd}.nurture{background:#fdf1c7}.caution{background:#fbd9d3}.not_ready{background:#eee}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #e3e3e3;border-radius:8px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:20px}details{border:1px solid #e3e3e3;border-radius:8px;padding:8px 12px;margin:10px 0}
summary{cursor:pointer;font-weight:600}.neg{color:#b03a2e}.muted{color:#666}blockquote{margin:4px 0 4px 12px;color:#444;font-style:italic}
pre{white-space:pre-wrap;background:#f6f7f9;padding:8px;border-radius:6px}`;

function rankedRow(v: Verdict, rank: number): string {
  const { currency } = v.potential;
  const window = v.window ? `${v.window.opensOn} → ${v.window.closesOn}` : '—';
  const signals = v.signals
    .filter((s) => s.polarity === 'positive')
    .slice(0, 3)
    .map((s) => escapeHtml(s.label))
    .join('<br>');
  return `<tr><td class="num">${rank}</td><td><a href="#acc-${escapeHtml(v.accountId)}">${escapeHtml(v.accountName)}</a></td>
<td><span class="pill ${v.readiness}">${v.readiness}</span></td><td>${escapeHtml(v.motion ?? '—')}</td>
<td class="num">${money(v.potential.arr, currency)}<br><span class="muted">${money(v.potential.low, currency)}–${money(v.potential.high, currency)}</span></td>
<td class="num">${(v.probability * 100).toFixed(0)}%</td><td class="num">${money(v.expectedValue, currency)}</td>
<td>${window}</td><td>${signals}</td></tr>`;
}

function evidenceList(v: Verdict): string {
  const byId = new Map(v.evidence.map((e) => [e.id, e]));
  const item = (ids: string[]) =>
    ids
      .map((id) => byId.get(id))
      .filter((e) => e !== undefined)
      .map(
        (e) =>
          `<li>${escapeHtml(e.description)}: <b>${escapeHtml(e.value)}</b>${e.threshold !== undefined ? ` (threshold ${escapeHtml(e.threshold)})` : ''} — ${escapeHtml(e.date)}, <span class="muted">${escapeHtml(e.source)}</span>${e.quote ? `<blockquote>“${escapeHtml(e.quote)}”</blockquote>` : ''}</li>`,
      )
      .join('');
  const signals = v.signals
    .map(
      (s) =>
        `<li class="${s.polarity === 'negative' ? 'neg' : ''}">${escapeHtml(s.label)} <span class="muted">(${s.technique}, strength ${s.strength.toFixed(2)})</span><ul>${item(s.evidenceIds)}</ul></li>`,
    )
    .join('');
  const contradictions = v.contradictions
    .map((c) => `<li class="neg">${escapeHtml(c.label)} — ${c.effect}<ul>${item(c.evidenceIds)}</ul></li>`)
    .join('');
  return `<h4>Signals</h4><ul>${signals || '<li>none</li>'}</ul>${contradictions ? `<h4>Contradictions</h4><ul>${contradictions}</ul>` : ''}`;
}

function accountDetails(entry: NightSummary['top'][number]): string {
  const v = entry.verdict;
  const agent = v.agent;
  const chart = entry.chart ? usageChartSvg(entry.chart, `Usage of ${v.accountName} against its limit`) : '';
  const agentBlock = agent
    ? `<h4>Expansion agent</h4><p>${agent.isReal ? 'Judged real' : 'Judged not real yet'}: ${escapeHtml(agent.reason)}</p>
<p><b>Decision-maker:</b> ${agent.decisionMaker ? `${escapeHtml(agent.decisionMaker.name)}, ${escapeHtml(agent.decisionMaker.title)} — ${escapeHtml(agent.decisionMaker.reason)}` : 'not identified'}</p>
<p><b>Approach:</b> ${escapeHtml(agent.approach)}</p><p><b>Next step:</b> ${escapeHtml(agent.nextStep)}</p>
<details><summary>Email draft</summary><pre>${escapeHtml(agent.emailDraft.subject)}\n\n${escapeHtml(agent.emailDraft.body)}</pre></details>`
    : '';
  return `<details id="acc-${escapeHtml(v.accountId)}"><summary>${escapeHtml(v.accountName)} — ${v.readiness}, score ${v.score.toFixed(0)}, ${escapeHtml(v.potential.basis)}</summary>
${chart}${evidenceList(v)}${agentBlock}</details>`;
}

/** The HTML report of a night: headline figures, the ranked table, per-account evidence and usage charts. */
export function renderNightReport(summary: NightSummary): string {
  const c = summary.currency;
  const cards = [
    ['accounts scored', String(summary.scored)],
    ['ready', String(summary.readiness.ready)],
    ['nurture', String(summary.readiness.nurture)],
    ['caution', String(summary.readiness.caution)],
    ['potential (ready + nurture)', money(summary.totalPotential, c)],
    ['expected value', money(summary.totalExpectedValue, c)],
    ['invalid records', String(summary.invalid)],
  ]
    .map(([label, value]) => `<div class="card"><span class="muted">${label}</span><b>${value}</b></div>`)
    .join('');
  const issues = summary.issues
    .slice(0, 50)
    .map(
      (i) =>
        `<li>${escapeHtml(i.record)} ${escapeHtml(i.recordId)}: ${escapeHtml(i.field)} — ${escapeHtml(i.message)}</li>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ripe — night of ${escapeHtml(summary.asOf)}</title><style>${style}</style></head><body>
<h1>Ripe — expansion opportunities</h1><p class="muted">Org ${escapeHtml(summary.orgId)}, night of ${escapeHtml(summary.asOf)}, ${summary.records} records in ${(summary.durationMs / 1000).toFixed(1)} s</p>
<div class="cards">${cards}</div>
<h2>Ranked opportunities</h2><table><thead><tr><th>#</th><th>Account</th><th>Readiness</th><th>Motion</th><th>Potential</th><th>Probability</th><th>Expected value</th><th>Window</th><th>Top signals</th></tr></thead>
<tbody>${summary.top.map((t, i) => rankedRow(t.verdict, i + 1)).join('')}</tbody></table>
<h2>Evidence per account</h2>${summary.top.map(accountDetails).join('')}
${issues ? `<h2>Records not scored</h2><ul>${issues}</ul>` : ''}
</body></html>`;
}
