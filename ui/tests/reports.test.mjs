// The Laporan screen's pure parts: the query a form asks, cells in each language, and the charts built
// as SVG nodes (never markup), with a value for every point and nothing drawn for a missing one.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { setLanguage } = await import('../js/i18n/dictionary.js');
const reports = await import('../js/screens/reports.js');
const { chart, formatNumber, niceStep } = await import('../js/widgets/chart.js');

test('the form asks the core a preset or the days of a range, and only the filters it sets', () => {
  const a = reports.initialAsk('2026-11-23');
  assert.deepEqual(reports.queryOf(a, '2026-11-23'), {
    permit_type: null, district: null, village: null, channel: null, preset: { kind: 'month', year: 2026, month: 11 },
  });
  assert.deepEqual(reports.queryOf({ ...a, period: 'quarter', quarter: 4 }, '2026-11-23').preset, { kind: 'quarter', year: 2026, quarter: 4 });
  const next = reports.queryOf({ ...a, kind: 'expiring', period: 'next', days: 30, district: '16.07.01' }, '2026-12-15');
  assert.equal(next.from, '2026-12-15');
  assert.equal(next.to, '2027-01-14');
  assert.equal(next.district, '16.07.01');
  assert.equal(reports.addDays('2028-02-28', 1), '2028-02-29');
});

test('cells are written the way each language writes numbers, months and totals', () => {
  setLanguage('id');
  assert.equal(reports.cellText({ t: 'int', v: 1234567 }, 'id'), '1.234.567');
  assert.equal(reports.cellText({ t: 'num', v: { value: 86.111, places: 2 } }, 'id'), '86,11');
  assert.equal(reports.cellText({ t: 'pct', v: null }, 'id'), '–');
  assert.equal(reports.cellText({ t: 'month', v: '2026-11' }, 'id'), 'November 2026');
  assert.equal(reports.cellText({ t: 'text', v: 'Jumlah' }, 'id'), 'Jumlah');
  setLanguage('en');
  assert.equal(reports.cellText({ t: 'int', v: 1234567 }, 'en'), '1,234,567');
  assert.equal(reports.cellText({ t: 'text', v: 'Jumlah' }, 'en'), 'Total');
  assert.equal(reports.cellText({ t: 'text', v: 'Persyaratan' }, 'en'), 'Requirements');
  setLanguage('id');
  assert.equal(formatNumber(2.5, 1, 'id'), '2,5');
  assert.equal(niceStep(87.5), 20);
  assert.equal(niceStep(4), 1);
});

/** @param {any} node @param {(n: any) => boolean} pick @returns {any[]} */
function all(node, pick) {
  const out = pick(node) ? [node] : [];
  for (const c of node.childNodes ?? []) out.push(...all(c, pick));
  return out;
}

test('a bar chart has a bar and a printed value for every category and series, told apart by shape', () => {
  const c = {
    key: 'by_type', kind: 'bars', title: 'Diterima dan terbit', table: 'applications', unit: null, places: 0,
    categories: [{ t: 'text', v: 'SIPD' }, { t: 'text', v: 'REK' }],
    series: [{ key: 'received', title: 'Diterima', values: [12, 3] }, { key: 'issued', title: 'Terbit', values: [8, null] }],
  };
  const svg = chart(/** @type {any} */ (c), { title: 'Diterima dan terbit', categories: ['SIPD', 'REK'], series: ['Diterima', 'Terbit'], lang: 'id' }, 'x');
  assert.equal(svg.tagName, 'SVG');
  assert.equal(svg.getAttribute('role'), 'img');
  const bars = all(svg, (n) => n.tagName === 'RECT' && n.getAttribute('data-value') !== null);
  assert.equal(bars.length, 4);
  assert.equal(bars.filter((b) => b.getAttribute('fill') === 'none').length, 2, 'the second series is outlined');
  const values = all(svg, (n) => n.getAttribute?.('class') === 'chart-value').map((n) => n.textContent);
  assert.deepEqual(values, ['12', '8', '3', '–']);
});

test('a line chart breaks where a month has no value and marks each point', () => {
  const c = {
    key: 'trend', kind: 'line', title: 'IKM', table: 'months', unit: null, places: 2,
    categories: [{ t: 'month', v: '2026-10' }, { t: 'month', v: '2026-11' }, { t: 'month', v: '2026-12' }],
    series: [{ key: 'ikm', title: 'IKM', values: [81.5, null, 86.11] }],
  };
  const svg = chart(/** @type {any} */ (c), { title: 'IKM', categories: ['Okt', 'Nov', 'Des'], series: ['IKM'], lang: 'id' }, 'y');
  assert.equal(all(svg, (n) => n.tagName === 'POLYLINE').length, 0, 'no two neighbouring months have a value');
  assert.equal(all(svg, (n) => n.tagName === 'POLYGON' && n.getAttribute('data-value') !== null).length, 2);
  assert.ok(all(svg, (n) => n.textContent === '86,11').length > 0);
});

test('the filters are said in the window\'s language, the register\'s names kept', () => {
  const r = /** @type {any} */ ({ query: { permit_type: 'SIPD', district: null, village: null, channel: 'van' } });
  setLanguage('en');
  assert.equal(reports.filterText(r, { key: 'permit_type', value: 'SIPD – Surat Izin' }), 'SIPD – Surat Izin');
  assert.equal(reports.filterText(r, { key: 'district', value: 'Semua kecamatan' }), 'All districts');
  assert.equal(reports.filterText(r, { key: 'channel', value: 'Layanan keliling' }), 'Mobile service');
  setLanguage('id');
  assert.equal(reports.filterText(r, { key: 'village', value: 'Semua desa/kelurahan' }), 'Semua desa/kelurahan');
});

test('a whole month, quarter or year is named, any other run of days written by its ends', () => {
  const of = (/** @type {string} */ from, /** @type {string} */ to) => reports.periodText(/** @type {any} */ ({ period: { from, to } }));
  setLanguage('id');
  assert.equal(of('2026-11-01', '2026-11-30'), 'November 2026');
  assert.equal(of('2028-02-01', '2028-02-29'), 'Februari 2028');
  assert.equal(of('2026-10-01', '2026-12-31'), 'Triwulan IV 2026');
  assert.equal(of('2026-01-01', '2026-12-31'), '2026');
  assert.match(of('2026-11-02', '2026-11-30'), /s\.d\./);
  setLanguage('en');
  assert.equal(of('2026-10-01', '2026-12-31'), 'Q4 2026');
  setLanguage('id');
});
