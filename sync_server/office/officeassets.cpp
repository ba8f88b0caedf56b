#include "officeassets.h"

namespace poruch::server::office {

QByteArray officeStylesheet()
{
    return QByteArrayLiteral(R"css(
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 15px; color: #1d2630;
  background: #f4f6f8; }
header.top { display: flex; align-items: center; gap: 18px; background: #1f4e79; color: #fff; padding: 8px 20px;
  flex-wrap: wrap; }
header.top .brand { font-weight: bold; }
header.top nav { display: flex; gap: 2px; flex-wrap: wrap; flex: 1; }
header.top nav a { color: #fff; text-decoration: none; padding: 6px 8px; border-radius: 4px; white-space: nowrap; }
header.top nav a.active, header.top nav a:hover { background: #2f6aa0; }
header.top .logout { display: flex; gap: 8px; align-items: center; margin: 0; }
header.top .who { font-size: 13px; opacity: .9; max-width: 180px; text-align: right; line-height: 1.25; }
.nowrap { white-space: nowrap; }
main { padding: 18px 24px; max-width: 1280px; }
h1 { font-size: 22px; margin: 4px 0 14px; }
h2 { font-size: 18px; margin: 20px 0 8px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #cfd7df; padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: #e6edf3; }
tr.overdue td { background: #fde2e1; }
tr.new td:first-child { border-left: 4px solid #1f4e79; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; background: #e6edf3; }
.badge.new { background: #1f4e79; color: #fff; }
.badge.overdue { background: #c0392b; color: #fff; }
.badge.ok { background: #2e7d32; color: #fff; }
.badge.bad { background: #c0392b; color: #fff; }
.muted, .empty { color: #6b7785; }
.hash, .code { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; word-break: break-all; }
.multiline { white-space: pre-wrap; }
ul.codes { margin: 0; padding-left: 18px; }
form.inline { display: inline; margin: 0; }
form.filters, form.card { background: #fff; border: 1px solid #cfd7df; padding: 12px; margin-bottom: 14px;
  display: flex; gap: 12px; flex-wrap: wrap; align-items: flex-end; }
form.filters label, form.card label { display: flex; flex-direction: column; font-size: 13px; gap: 3px; }
input, select, button { font: inherit; padding: 5px 8px; }
button { background: #1f4e79; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button.secondary { background: #e6edf3; color: #1d2630; }
button.danger { background: #c0392b; }
.login { max-width: 380px; margin: 60px auto; background: #fff; border: 1px solid #cfd7df; padding: 24px; }
.login label { display: block; margin-bottom: 12px; }
.login input { width: 100%; }
.error { background: #fde2e1; border: 1px solid #c0392b; padding: 8px 12px; margin-bottom: 12px; }
.notice-box { background: #e7f3e8; border: 1px solid #2e7d32; padding: 8px 12px; margin-bottom: 12px; }
.warning { background: #fff4d6; border: 1px solid #d4a017; padding: 8px 12px; }
.actions { display: flex; gap: 10px; margin: 10px 0 16px; flex-wrap: wrap; }
.actions a, a.button { display: inline-block; padding: 5px 10px; background: #e6edf3; color: #1d2630;
  border-radius: 4px; text-decoration: none; }
.enroll { display: flex; gap: 24px; align-items: flex-start; background: #fff; border: 1px solid #cfd7df; padding: 16px; }
.enroll .code-text { font-family: "DejaVu Sans Mono", monospace; font-size: 28px; letter-spacing: 2px; }
.chart { background: #fff; border: 1px solid #cfd7df; margin: 10px 0; }
article.act { background: #fff; border: 1px solid #cfd7df; padding: 16px 20px; }
article.act h1.act-title { font-size: 18px; }
table.act-meta th, table.fields th { width: 34%; font-weight: normal; color: #3d4a57; background: #f7f9fb; }
table.inner th { background: #f7f9fb; }
body.print-view { background: #fff; }
body.print-view main { max-width: 800px; margin: 0 auto; }
body.print-view article.act { border: 0; padding: 0; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .no-print, header.top, form.filters, .actions { display: none !important; }
  main { padding: 0; max-width: none; }
  article.act { border: 0; padding: 0; }
  th, td { border-color: #888; }
  tr, section.act-section { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css");
}

QByteArray officeScript()
{
    return QByteArrayLiteral(R"js(
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
  document.querySelectorAll("button.print-button").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
});
)js");
}

} // namespace poruch::server::office
