import type { Verdict } from '@ripe/shared';
import type { NightSummary } from '../night/run-night.ts';
import type { RankedOpportunity } from '../night/top-opportunities.ts';
import { escapeHtml } from './html.ts';
import { reportStyle } from './night-report.style.ts';
import { usageChartSvg } from './usage-chart.svg.ts';

/** Ready accounts whose section opens with the report (and so prints in full). */
export const OPEN_SECTIONS = 10;
/** Accounts with an evidence section, per list: beyond them a row says it all, and the report stays light. */
export const DETAILED = { ready: 200, nurture: 50 } as const;

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const words = (code: string | null) => (code ? code.replaceAll('_', ' ') : '—');

function windowText(v: Verdict): string {
  return v.window ? `${v.window.opensOn} → ${v.window.closesOn}` : '—';
}

/** When the account reaches its limit: the verdict's own date (seats or commit), else the chart's. */
function crossingText(entry: RankedOpportunity): string {
  const { window, asOf } = entry.verdict;
  const crossing = window?.limitDate ?? entry.chart?.crossingDate;
  if (!crossing) return '—';
  const kind = window?.limitDate && window.limit === 'consumption' ? ' (commit)' : '';
  return `${crossing > asOf ? `~${crossing}` : `since ${crossing}`}${kind}`;
}

function topSignals(v: Verdict, polarity: 'positive' | 'negative', max: number): string {
  return v.signals
    .filter((s) => s.polarity === polarity)
    .slice(0, max)
    .map((s) => escapeHtml(s.label))
    .join('<br>');
}

/** Why a nurture account is not ready yet: its contradictions and negative signals, else what it lacks. */
function holdsBack(v: Verdict, readyScore: number): string {
  const reasons = [
    ...v.contradictions.map((c) => `${escapeHtml(c.label)} (${c.effect})`),
    ...v.signals.filter((s) => s.polarity === 'negative').map((s) => escapeHtml(s.label)),
  ];
  if (reasons.length > 0) return reasons.slice(0, 2).join('<br>');
  if (v.motion === null) return 'no motion to propose yet';
  if (v.score < readyScore) return `score ${v.score.toFixed(0)}, ready from ${readyScore}`;
  return 'too few independent sources agree yet, or a potential under the minimum';
}

function accountCell(v: Verdict, detailed: boolean): string {
  return detailed
    ? `<a href="#acc-${escapeHtml(v.accountId)}">${escapeHtml(v.accountName)}</a>`
    : escapeHtml(v.accountName);
}

function moneyCells(v: Verdict): string {
  const c = v.potential.currency;
  return `<td class="num">${money(v.potential.arr, c)}<br><span class="muted">${money(v.potential.low, c)}–${money(v.potential.high, c)}</span></td>
<td class="num">${(v.probability * 100).toFixed(0)}%</td><td class="num"><b>${money(v.expectedValue, c)}</b></td>`;
}

function readyTable(entries: readonly RankedOpportunity[]): string {
  const rows = entries
    .map((entry, i) => {
      const v = entry.verdict;
      return `<tr><td class="num">${i + 1}</td><td>${accountCell(v, i < DETAILED.ready)}</td><td>${words(v.motion)}</td>${moneyCells(v)}
<td class="nowrap">${windowText(v)}</td><td class="nowrap">${crossingText(entry)}</td><td>${topSignals(v, 'positive', 3)}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>#</th><th>Account</th><th>Motion</th><th class="num">Potential (ARR)</th><th class="num">Probability</th><th class="num">Expected value</th><th>Window</th><th>Limit</th><th>Top signals</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function nurtureTable(entries: readonly RankedOpportunity[], readyScore: number): string {
  const rows = entries
    .map((entry, i) => {
      const v = entry.verdict;
      return `<tr><td class="num">${i + 1}</td><td>${accountCell(v, i < DETAILED.nurture)}</td><td>${words(v.motion)}</td>${moneyCells(v)}
<td>${topSignals(v, 'positive', 2)}</td><td class="neg">${holdsBack(v, readyScore)}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>#</th><th>Account</th><th>Motion</th><th class="num">Potential (ARR)</th><th class="num">Probability</th><th class="num">Expected value</th><th>For it</th><th>Holding it back</th></tr></thead>
<tbody>${rows}</tbody></table>`;
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

function agentBlock(v: Verdict): string {
  const agent = v.agent;
  if (!agent) return '';
  const maker = agent.decisionMaker
    ? `${escapeHtml(agent.decisionMaker.name)}, ${escapeHtml(agent.decisionMaker.title)} — ${escapeHtml(agent.decisionMaker.reason)}`
    : 'not identified';
  return `<h4>Approach</h4><p>${agent.isReal ? 'Judged real' : 'Judged not real yet'}: ${escapeHtml(agent.reason)}</p>
<p><b>Decision-maker:</b> ${maker}</p><p><b>Approach:</b> ${escapeHtml(agent.approach)}</p><p><b>Next step:</b> ${escapeHtml(agent.nextStep)}</p>
<details class="email"><summary>Email draft</summary><pre>${escapeHtml(agent.emailDraft.subject)}\n\n${escapeHtml(agent.emailDraft.body)}</pre></details>`;
}

function accountDetails(entry: RankedOpportunity, open: boolean): string {
  const v = entry.verdict;
  const chart = entry.chart
    ? usageChartSvg(entry.chart, {
        title: `Usage of ${v.accountName} against its limit`,
        asOf: v.asOf,
        activeUsers: entry.activeUsers,
      })
    : '<p class="muted">No usage series to chart.</p>';
  const headline = [
    v.readiness,
    words(v.motion),
    `EV ${money(v.expectedValue, v.potential.currency)}`,
    v.window ? `window ${windowText(v)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return `<details id="acc-${escapeHtml(v.accountId)}" class="account"${open ? ' open' : ''}><summary><b>${escapeHtml(v.accountName)}</b> <span class="pill ${v.readiness}">${headline}</span></summary>
<p class="muted">Score ${v.score.toFixed(0)}, confidence ${(v.confidence * 100).toFixed(0)}%. Potential: ${escapeHtml(v.potential.basis)}</p>
${chart}${evidenceList(v)}${agentBlock(v)}</details>`;
}

function cards(summary: NightSummary): string {
  const c = summary.currency;
  return [
    ['accounts scored', count(summary.scored)],
    ['ready', count(summary.readiness.ready)],
    ['nurture', count(summary.readiness.nurture)],
    ['caution', count(summary.readiness.caution)],
    ['potential (ready + nurture)', money(summary.totalPotential, c)],
    ['expected value', money(summary.totalExpectedValue, c)],
    ['invalid records', count(summary.invalid)],
  ]
    .map(([label, value]) => `<div class="card"><span class="muted">${label}</span><b>${value}</b></div>`)
    .join('');
}

function readySection(summary: NightSummary): string {
  const total = summary.readiness.ready;
  if (summary.ready.length === 0) return `<h2 id="ready">Ready now</h2><p>No account is ready tonight.</p>`;
  const shown =
    summary.ready.length < total
      ? `The best ${count(summary.ready.length)} of ${count(total)} ready accounts`
      : `All ${count(total)} ready accounts`;
  return `<h2 id="ready">Ready now — ${count(total)} account${total === 1 ? '' : 's'}</h2>
<p class="muted">${shown}, by expected value (potential × probability). The window is the 60–90 days before the projected limit; “Limit” is when usage reaches the licence or the commit.</p>
${readyTable(summary.ready)}
<h3>Evidence per ready account${summary.ready.length > DETAILED.ready ? ` — the first ${DETAILED.ready}` : ''}</h3>
${summary.ready
  .slice(0, DETAILED.ready)
  .map((entry, i) => accountDetails(entry, i < OPEN_SECTIONS))
  .join('\n')}`;
}

function nurtureSection(summary: NightSummary): string {
  const total = summary.readiness.nurture;
  if (summary.nurture.length === 0)
    return `<h2 id="nurture">Nurture</h2><p>No account to nurture tonight.</p>`;
  const shown =
    summary.nurture.length < total
      ? `The best ${count(summary.nurture.length)} of ${count(total)}`
      : `All ${count(total)}`;
  return `<h2 id="nurture" class="page">Nurture — ${count(total)} account${total === 1 ? '' : 's'}</h2>
<p class="muted">${shown} by expected value: an expansion is forming but is not ready to pitch yet — what holds each back is on the right.</p>
${nurtureTable(summary.nurture, summary.readyScore)}
<h3>Evidence per nurture account${summary.nurture.length > DETAILED.nurture ? ` — the first ${DETAILED.nurture}` : ''}</h3>
${summary.nurture
  .slice(0, DETAILED.nurture)
  .map((entry) => accountDetails(entry, false))
  .join('\n')}`;
}

/** The HTML report of a night: headline figures, every ready account, the nurture accounts, evidence and charts. */
export function renderNightReport(summary: NightSummary): string {
  const issues = summary.issues
    .slice(0, 50)
    .map(
      (i) =>
        `<li>${escapeHtml(i.record)} ${escapeHtml(i.recordId)}: ${escapeHtml(i.field)} — ${escapeHtml(i.message)}</li>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ripe — expansion opportunities, night of ${escapeHtml(summary.asOf)}</title><style>${reportStyle}</style></head><body>
<header><h1>Expansion opportunities — night of ${escapeHtml(summary.asOf)}</h1>
<p class="muted">Org ${escapeHtml(summary.orgId)} · ${count(summary.records)} records scored by Ripe in ${(summary.durationMs / 1000).toFixed(1)} s</p></header>
<div class="cards">${cards(summary)}</div>
<nav><a href="#ready">Ready now (${count(summary.readiness.ready)})</a> · <a href="#nurture">Nurture (${count(summary.readiness.nurture)})</a>${issues ? ' · <a href="#issues">Records not scored</a>' : ''}</nav>
${readySection(summary)}
${nurtureSection(summary)}
${issues ? `<h2 id="issues">Records not scored</h2><p class="muted">${count(summary.issueCount)} issue(s); the first ones:</p><ul>${issues}</ul>` : ''}
<footer class="muted">Charts: weekly medians of daily usage (a weekday/weekend cycle does not hide the trend); dashed red = the licence or the commit, dashed blue = the projection to the day the limit is reached. Printed, an open section prints in full and a closed one as its summary line.</footer>
</body></html>`;
}
