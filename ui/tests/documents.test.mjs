import assert from 'node:assert/strict';
import { test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { setLanguage } = await import('../js/i18n/dictionary.js');
const { printerOptions, jobId } = await import('../js/widgets/file-actions.js');
const { selectionFor, progressText, MODES } = await import('../js/screens/batch.js');
const { verdictTone, claimRows, verdictView } = await import('../js/screens/verify.js');
const { villageLabel } = await import('../js/widgets/village-picker.js');
const ID = (await import('../js/i18n/id/index.js')).default;
const EN = (await import('../js/i18n/en/index.js')).default;

test('the default printer comes first, marked and preselected', () => {
  setLanguage('id');
  const options = printerOptions({ names: ['Loket-1', 'PDF', 'Gudang'], default: 'PDF' });
  assert.deepEqual(options.map((o) => o.value), ['PDF', 'Loket-1', 'Gudang']);
  assert.equal(options[0].label, 'PDF (bawaan)');
  assert.deepEqual(options.map((o) => o.selected), [true, false, false]);
  const noDefault = printerOptions({ names: ['A', 'B'], default: null });
  assert.deepEqual(noDefault.map((o) => o.selected), [true, false], 'without a default the first is chosen');
  assert.deepEqual(printerOptions({ names: [], default: null }), []);
});

test('each way of choosing makes the core selection only when complete', () => {
  assert.deepEqual(MODES, ['village', 'trip', 'dates', 'cases']);
  assert.deepEqual(selectionFor('village', { village: '16.07.01.2001' }), { by: 'village', code: '16.07.01.2001' });
  assert.equal(selectionFor('village', { village: null }), null);
  assert.deepEqual(selectionFor('trip', { trip: '4' }), { by: 'trip', trip: 4 });
  assert.equal(selectionFor('trip', { trip: '' }), null);
  assert.deepEqual(selectionFor('dates', { from: '2026-11-01', to: '2026-11-30' }),
    { by: 'issued_between', from: '2026-11-01', to: '2026-11-30' });
  assert.equal(selectionFor('dates', { from: '2026-11-01', to: '' }), null);
  assert.deepEqual(selectionFor('cases', { ids: [3, 1] }), { by: 'cases', ids: [3, 1] });
  assert.equal(selectionFor('cases', { ids: [] }), null);
  assert.equal(selectionFor('nonsense', {}), null);
});

test('progress reads as done of total with a whole percentage', () => {
  setLanguage('id');
  assert.equal(progressText({ done: 7, total: 40 }), '7 dari 40 surat izin (17%)');
  setLanguage('en');
  assert.equal(progressText({ done: 39, total: 40 }), '39 of 40 permits (97%)');
  assert.equal(progressText({ done: 40, total: 40 }), 'All 40 permits ready; assembling the PDF…');
  assert.equal(progressText({ done: 0, total: 0 }), '0 of 0 permits (0%)');
  setLanguage('id');
});

test('only a genuine permit is green; a tampered code does not show its claimed content', () => {
  assert.equal(verdictTone('genuine'), 'success');
  assert.equal(verdictTone('tampered'), 'danger');
  assert.equal(verdictTone('revoked'), 'danger');
  assert.equal(verdictTone('expired'), 'warning');
  assert.equal(verdictTone('unknown_key'), 'warning');
  assert.equal(verdictTone('something new'), 'danger');
  setLanguage('id');
  const claim = { permit_number: '503/0001/SIPD/DPMPTSP/XI/2026', holder_name: 'Siti', masked_nik: '160701******0001',
    permit_type: 'SIPD', valid_until: '2031-11-28', key_id: 'abcd' };
  assert.deepEqual(claimRows(claim).map(([, v]) => v),
    ['503/0001/SIPD/DPMPTSP/XI/2026', 'Siti', '160701******0001', 'SIPD', '28 November 2031']);
  assert.equal(claimRows({ ...claim, valid_until: null })[4][1], 'Selama persyaratan dipenuhi');
  const genuine = verdictView({ verdict: 'genuine', claim, message: 'Genuine.' });
  assert.equal(genuine.getAttribute('data-verdict'), 'genuine');
  assert.match(genuine.textContent, /ASLI/);
  assert.match(genuine.textContent, /Siti/);
  const tampered = verdictView({ verdict: 'tampered', claim, message: 'altered' });
  assert.match(tampered.textContent, /TIDAK SAH/);
  assert.doesNotMatch(tampered.textContent, /Siti/);
});

test('a village shows with its district and code', () => {
  setLanguage('id');
  assert.equal(villageLabel({ code: '16.07.01.2001', name: 'Sungai Rebo', district: 'Banyuasin I' }),
    'Sungai Rebo, Kec. Banyuasin I (16.07.01.2001)');
});

test('the documents strings exist in both languages', () => {
  const mine = (keys) => keys.filter((k) => /^(files|verify|batch|village|nav\.(verify|batch))\b/.test(k)).sort();
  assert.deepEqual(mine(Object.keys(ID)), mine(Object.keys(EN)));
  assert.ok(mine(Object.keys(ID)).length > 60);
});

test('the CUPS job id is taken from lp\'s answer', () => {
  assert.equal(jobId('request id is PDF-12 (1 file(s))'), 'PDF-12');
  assert.equal(jobId('  something else \n'), 'something else');
});
