/**
 * The report's one stylesheet, inlined in the page: system fonts (with common Chinese ones), no web font, no URL;
 * tables and charts that scale to the page; print rules that keep figures and table rows whole on paper/PDF.
 */
export const REPORT_CSS = `
:root{--ink:#102a43;--muted:#5f6b7a;--line:#d9e2ec;--accent:#1f5f99;--ok:#e8f5e9;--ok-ink:#1b5e20;--warn:#fff4e0;--warn-ink:#8a5300;--bad:#fdecea;--bad-ink:#b71c1c}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC","Noto Sans SC",sans-serif}
.page{max-width:1080px;margin:0 auto;padding:28px 32px 48px}
header{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:18px}
h1{font-size:26px;margin:0 0 10px;line-height:1.3}
h2{font-size:20px;margin:34px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line);color:var(--accent)}
h3{font-size:16px;margin:22px 0 8px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:0;padding:0;list-style:none}
.cards li{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:150px;background:#f7fafc}
.cards .k{display:block;font-size:12px;color:var(--muted)}
.cards .v{display:block;font-size:22px;font-weight:700}
.cards .i{display:block;font-size:12px;color:var(--muted)}
header .findings h2{font-size:16px;margin:16px 0 6px;border:0;padding:0;color:var(--ink)}
header .findings ul{margin:0;padding-left:20px}
nav ol{columns:2;margin:6px 0 0;padding-left:22px}
nav a{color:var(--accent);text-decoration:none}
figure{margin:10px 0 6px}
svg.chart{max-width:100%;height:auto;display:block;font-family:inherit}
.note{font-size:13px;color:var(--muted);margin:4px 0 12px}
.table-wrap{overflow-x:auto;margin:8px 0 12px}
table{border-collapse:collapse;font-size:13.5px;min-width:40%}
th,td{border-bottom:1px solid var(--line);padding:5px 10px;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);font-weight:600;white-space:nowrap}
tbody th{font-weight:500}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.ok{background:var(--ok);color:var(--ok-ink)}
td.warn{background:var(--warn);color:var(--warn-ink);font-weight:600}
td.bad{background:var(--bad);color:var(--bad-ink);font-weight:600}
td.muted{color:var(--muted)}
td.met{background:#2e7d32;color:#fff;font-weight:700}
td.notmet{background:#c62828;color:#fff;font-weight:700}
td.undecided{background:#f9a825;color:#222;font-weight:700}
table.matrix td{min-width:4.5em}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:8px 0}
dl.kv dt{color:var(--muted)}
dl.kv dd{margin:0;font-weight:600}
ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:20px}
ul.tree{padding-left:0}
ul.tree li{position:relative;padding:2px 0 2px 14px;border-left:1px solid var(--line)}
ul.tree li::before{content:"";position:absolute;left:0;top:13px;width:10px;border-top:1px solid var(--line)}
ul.tree .strong{font-weight:700}
footer{margin-top:40px;font-size:12px;color:var(--muted);border-top:1px solid var(--line);padding-top:10px}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{font-size:11pt}
  .page{max-width:none;padding:0}
  nav{display:none}
  h2{break-after:avoid;page-break-after:avoid}
  h3{break-after:avoid}
  figure,tr,.cards li,dl.kv{break-inside:avoid;page-break-inside:avoid}
  section{break-before:auto}
  td.met,td.notmet,td.undecided,td.ok,td.warn,td.bad{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  svg.chart{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .table-wrap{overflow:visible}
}
`;
