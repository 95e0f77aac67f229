/** The night report's CSS: on screen, and on paper (A4, tables whose header repeats, nothing cut in two). */
export const reportStyle = `
:root{color-scheme:light}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1180px;padding:0 16px;color:#222}
h1{margin:0 0 4px;font-size:24px}h2{margin-top:32px;border-bottom:2px solid #222;padding-bottom:4px}h3{margin-top:24px}h4{margin:12px 0 4px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:6px 8px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
th{background:#f6f7f9;position:sticky;top:0}.num{text-align:right;font-variant-numeric:tabular-nums}.nowrap{white-space:nowrap}
.pill{padding:1px 8px;border-radius:10px;font-size:12px;font-weight:400;margin-left:6px}
.ready{background:#d4f5dd}.nurture{background:#fdf1c7}.caution{background:#fbd9d3}.not_ready{background:#eee}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}.card{border:1px solid #e3e3e3;border-radius:8px;padding:10px 14px;min-width:140px}
.card b{display:block;font-size:20px}nav{margin:8px 0 0}a{color:#1f6fb2}
details.account{border:1px solid #e3e3e3;border-radius:8px;padding:8px 12px;margin:10px 0}
summary{cursor:pointer}.neg{color:#b03a2e}.muted{color:#666}blockquote{margin:4px 0 4px 12px;color:#444;font-style:italic}
pre{white-space:pre-wrap;background:#f6f7f9;padding:8px;border-radius:6px}
svg.chart{display:block;width:100%;max-width:640px;height:auto;margin:8px 0}
footer{margin-top:32px;font-size:12px}
@page{size:A4;margin:14mm}
@media print{
  body{margin:0;max-width:none;padding:0;font-size:10pt}
  nav,details.email{display:none}
  th{position:static}thead{display:table-header-group}tr,svg.chart,.card,blockquote{break-inside:avoid}
  h2.page{break-before:page}h2,h3,summary{break-after:avoid}
  details.account{border-color:#bbb;break-inside:avoid-page}details.account[open]{break-inside:auto}
  a{color:inherit;text-decoration:none}
  .pill,.card,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  svg.chart{max-width:16cm}
}`;
