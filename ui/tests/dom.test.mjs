import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { FakeElement, FakeText, installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { append, h, replace } = await import('../js/widgets/dom.js');
const { caseTable, firstRows, isOverdue } = await import('../js/screens/cases.js');
const { statusBadge } = await import('../js/widgets/badges.js');

const HOSTILE = '<img src=x onerror=alert(1)>';

beforeEach(() => installFakeDocument());

describe('dom.h()', () => {
  test('text goes in as a text node, never as markup', () => {
    const cell = h('td', {}, HOSTILE);
    assert.equal(cell.childNodes.length, 1);
    assert.ok(cell.childNodes[0] instanceof FakeText);
    assert.equal(cell.textContent, HOSTILE);
    assert.deepEqual(cell.children, []);
  });

  test('attributes are set as values; class goes to className', () => {
    const row = h('tr', { class: 'a b', 'data-case-id': 7, hidden: true, title: null, disabled: false });
    assert.equal(row.className, 'a b');
    assert.equal(row.getAttribute('data-case-id'), '7');
    assert.equal(row.getAttribute('hidden'), '');
    assert.equal(row.getAttribute('title'), null);
    assert.equal(row.getAttribute('disabled'), null);
  });

  test('event handler and HTML attributes are refused', () => {
    for (const name of ['onclick', 'ONERROR', 'innerHTML', 'outerHTML', 'srcdoc']) {
      assert.throws(() => h('div', { [name]: 'alert(1)' }), /not allowed/, name);
    }
  });

  test('children: nodes, numbers, nested arrays; null/undefined/false skipped', () => {
    const list = h('ul', {}, [h('li', {}, 1), [h('li', {}, 'two')]], null, undefined, false, 0);
    assert.equal(list.children.length, 2);
    assert.equal(list.textContent, '1two0');
  });

  test('replace() empties then appends', () => {
    const box = h('div', {}, 'old', h('span', {}, 'x'));
    replace(box, 'new');
    assert.equal(box.textContent, 'new');
    assert.equal(box.childNodes.length, 1);
    append(box, '!');
    assert.equal(box.textContent, 'new!');
  });
});

describe('case table', () => {
  const base = {
    id: 1,
    registration_number: 'REG/2026/11/0001',
    applicant_name: 'Siti Aminah',
    permit_type_code: 'SIPD',
    permit_type_name: 'Surat Izin Praktik Dokter',
    status: 'received',
    registered_at: '2026-11-28T03:15:00Z',
    due_date: '2026-12-05',
    permit_number: null,
    village: 'Sungai Rebo',
  };

  test('a hostile applicant name is plain text in its cell', () => {
    const table = caseTable([{ ...base, applicant_name: HOSTILE }], false);
    assert.equal(table.all('img').length, 0);
    const cell = table.all('span').find((span) => span.className === 'applicant-name');
    assert.ok(cell);
    assert.equal(cell.textContent, HOSTILE);
    assert.ok(cell.childNodes.every((n) => n instanceof FakeText));
  });

  test('one row per case, with the registration number, badge words and Indonesian due date', () => {
    const table = caseTable([base, { ...base, id: 2, registration_number: 'R2', status: 'issued', due_date: null }], false);
    const rows = table.all('tbody')[0].children;
    assert.equal(rows.length, 2);
    assert.equal(rows[0].getAttribute('data-registration'), 'REG/2026/11/0001');
    assert.match(rows[0].textContent, /Diterima/);
    assert.match(rows[0].textContent, /5 Desember 2026/);
    assert.match(rows[0].textContent, /Sungai Rebo/);
    assert.match(rows[1].textContent, /Izin terbit/);
  });

  test('an empty list says so, differently when filtered', () => {
    assert.notEqual(caseTable([], false).textContent, caseTable([], true).textContent);
    assert.equal(caseTable([], false).tagName, 'P');
  });

  test('a badge carries the status in words and its colour class', () => {
    const badge = statusBadge('rejected');
    assert.ok(badge instanceof FakeElement);
    assert.equal(badge.textContent, 'Ditolak');
    assert.equal(badge.className, 'badge badge-danger');
  });
});

describe('the case list\'s first rows', () => {
  test('a windowful of one-line rows is drawn at once, never fewer than twelve', () => {
    assert.equal(firstRows(768), 21);
    assert.equal(firstRows(1080), 30);
    assert.equal(firstRows(200), 12);
    assert.equal(firstRows(Number.NaN), 12);
  });
});

describe('due dates', () => {
  test('only a case whose SLA clock runs can be late', () => {
    assert.equal(isOverdue({ status: 'verified', due_date: '2026-11-27' }, '2026-11-28'), true);
    assert.equal(isOverdue({ status: 'in_review', due_date: '2026-11-28' }, '2026-11-28'), false);
    assert.equal(isOverdue({ status: 'issued', due_date: '2026-11-01' }, '2026-11-28'), false);
    assert.equal(isOverdue({ status: 'received', due_date: null }, '2026-11-28'), false);
  });

  test('a late case says so in words next to its due date', () => {
    const late = { id: 3, registration_number: 'R3', applicant_name: 'A', applicant_nik: '', permit_type_code: 'SKP',
      permit_type_name: 'Surat Keterangan Penelitian', status: 'approved', channel: 'counter',
      registered_at: '2026-11-01T01:00:00Z', due_date: '2026-11-20', permit_number: null, village: null };
    const due = caseTable([late], false, '2026-11-28').all('td').find((td) => td.className === 'col-due');
    assert.equal(due?.textContent, '20 November 2026Terlambat');
  });

  test('without the office\'s day nothing is marked late', () => {
    assert.equal(isOverdue({ status: 'verified', due_date: '2026-11-27' }, null), false);
  });
});
