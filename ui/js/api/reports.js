// @ts-check
/**
 * The reports' commands: the filters' choices, a report for a period and its filters, and a report saved
 * as PDF, XLSX or CSV into the documents folder.
 * @module api/reports
 */

import { call } from './ipc.js';

/** @typedef {import('./cases.js').SavedFile} SavedFile */

/** @typedef {'recap' | 'sla' | 'van' | 'ikm' | 'expiring'} ReportKind */

/**
 * A period preset the core turns into days.
 * @typedef {{ kind: 'month', year: number, month: number } | { kind: 'quarter', year: number, quarter: number }
 *   | { kind: 'year', year: number }} Preset
 */

/**
 * What a report is asked for; every filter may be left out.
 * @typedef {object} ReportQuery
 * @property {Preset} [preset] a month, quarter or year (then `from` and `to` are not read)
 * @property {string} [from] ISO day
 * @property {string} [to] ISO day
 * @property {string | null} [permit_type] a permit type's code
 * @property {string | null} [district] a district's code
 * @property {string | null} [village] a village's code
 * @property {'counter' | 'van' | null} [channel]
 */

/**
 * A choice of a filter.
 * @typedef {object} Choice
 * @property {string} code
 * @property {string} name
 * @property {string} [district] a village's district code
 */

/**
 * What the filters offer.
 * @typedef {object} Choices
 * @property {ReportKind[]} kinds
 * @property {Choice[]} permit_types
 * @property {Choice[]} districts
 * @property {Choice[]} villages
 * @property {string} today the office's day
 * @property {boolean} own_counter set for a clerk: the reports count their own cases only
 */

/**
 * A typed cell of a report's table.
 * @typedef {{ t: 'text', v: string } | { t: 'int', v: number } | { t: 'num', v: { value: number, places: number } }
 *   | { t: 'pct', v: number | null } | { t: 'date', v: string } | { t: 'month', v: string } | { t: 'empty' }} Cell
 */

/**
 * @typedef {object} Column
 * @property {string} key
 * @property {string} title the Indonesian title (the window shows its own label for `key`)
 * @property {boolean} numeric
 */

/**
 * @typedef {object} Table
 * @property {string} key
 * @property {string} title
 * @property {string | null} note
 * @property {Column[]} columns
 * @property {{ cells: Cell[], total: boolean }[]} rows
 */

/**
 * @typedef {object} Chart
 * @property {string} key
 * @property {'bars' | 'line'} kind
 * @property {string} title
 * @property {string} table the key of the table it is drawn from
 * @property {Cell[]} categories
 * @property {{ key: string, title: string, values: (number | null)[] }[]} series
 * @property {string | null} unit `%` for shares
 * @property {number} places decimals of the printed values
 */

/**
 * A report as the core made it.
 * @typedef {object} Report
 * @property {ReportKind} kind
 * @property {string} title
 * @property {{ from: string, to: string }} period
 * @property {string} period_title
 * @property {string} as_of
 * @property {ReportQuery} query the filters as the core checked them
 * @property {{ key: string, label: string, value: string }[]} filters
 * @property {string | null} scope_note
 * @property {Table[]} tables
 * @property {Chart[]} charts
 */

/** @returns {Promise<Choices>} */
export function reportChoices() {
  return call('report_choices');
}

/**
 * @param {ReportKind} kind
 * @param {ReportQuery} query
 * @returns {Promise<Report>}
 */
export function report(kind, query) {
  return call('report', { kind, query });
}

/**
 * @param {ReportKind} kind
 * @param {ReportQuery} query
 * @param {'pdf' | 'xlsx' | 'csv'} format
 * @returns {Promise<SavedFile>}
 */
export function saveReport(kind, query, format) {
  return call('save_report', { kind, query, format });
}
