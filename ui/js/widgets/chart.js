// @ts-check
/**
 * A report's chart as SVG built node by node (`createElementNS`, attributes only: no markup strings, no
 * inline style, nothing fetched), so it works under the strict CSP. Horizontal bars per category or a
 * line over the months, at most two series told apart by shape — a solid and an outlined bar, a solid
 * line with diamonds and a dashed one with squares — named in a legend, with every value written beside
 * its bar or point. The table the chart is drawn from is shown beside it, so nothing is read from a
 * shade alone.
 * @module widgets/chart
 */

/** @typedef {import('../api/reports.js').Chart} Chart */

const NS = 'http://www.w3.org/2000/svg';

/**
 * An SVG element with attributes and children.
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
export function svg(tag, attributes = {}, ...children) {
  const element = /** @type {SVGElement} */ (document.createElementNS(NS, tag));
  for (const [name, value] of Object.entries(attributes)) {
    if (/^on/i.test(name)) throw new Error(`chart.svg: attribute "${name}" is not allowed`);
    element.setAttribute(name, String(value));
  }
  for (const child of children) element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

/**
 * A number as the window's language writes it (`1.234,5` in Indonesian, `1,234.5` in English).
 * @param {number} value
 * @param {number} places
 * @param {string} lang
 * @returns {string}
 */
export function formatNumber(value, places, lang) {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  }).format(value);
}

/**
 * A round step for the value axis: 1, 2 or 5 times a power of ten, about five lines.
 * @param {number} max
 * @returns {number}
 */
export function niceStep(max) {
  if (!(max > 0)) return 1;
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  return max >= 5 ? Math.max(step, 1) : step;
}

/**
 * How a chart's texts are written in the window.
 * @typedef {object} ChartText
 * @property {string} title
 * @property {string[]} categories
 * @property {string[]} series the legend's names
 * @property {string} lang
 */

/**
 * @param {Chart} c
 * @param {number | null} v
 * @param {string} lang
 * @returns {string}
 */
function valueText(c, v, lang) {
  if (v === null) return '–';
  return `${formatNumber(v, c.places, lang)}${c.unit ?? ''}`;
}

/**
 * The legend: a swatch (bars) or a line sample (lines) per series, then its name.
 * @param {Chart} c
 * @param {string[]} names
 * @param {number} y
 * @returns {SVGElement}
 */
function legend(c, names, y) {
  const g = svg('g', { class: 'chart-legend' });
  let x = 0;
  names.slice(0, 2).forEach((name, i) => {
    if (c.kind === 'line') {
      g.appendChild(svg('line', { x1: x, y1: y - 4, x2: x + 18, y2: y - 4, stroke: 'currentColor', 'stroke-width': 2, ...(i === 1 ? { 'stroke-dasharray': '4 3' } : {}) }));
      g.appendChild(marker(i, x + 9, y - 4));
      x += 24;
    } else {
      g.appendChild(swatch(i, x, y - 9, 12, 9));
      x += 16;
    }
    g.appendChild(svg('text', { x, y, class: 'chart-label' }, name));
    x += name.length * 7 + 18;
  });
  return g;
}

/**
 * A bar of series `i`: the first filled, the second outlined.
 * @param {number} i @param {number} x @param {number} y @param {number} w @param {number} h
 * @returns {SVGElement}
 */
function swatch(i, x, y, w, h) {
  return i === 0
    ? svg('rect', { x, y, width: Math.max(w, 0), height: h, fill: 'currentColor', class: 'chart-bar' })
    : svg('rect', { x, y, width: Math.max(w, 0), height: h, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, class: 'chart-bar chart-bar-outline' });
}

/**
 * A point of series `i`: a filled diamond, or an open square.
 * @param {number} i @param {number} x @param {number} y
 * @returns {SVGElement}
 */
function marker(i, x, y) {
  const r = 4;
  return i === 0
    ? svg('polygon', { points: `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`, fill: 'currentColor' })
    : svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: 'Canvas', stroke: 'currentColor', 'stroke-width': 1.5 });
}

/**
 * Draws a chart.
 * @param {Chart} c
 * @param {ChartText} text
 * @param {string} id the SVG's id
 * @returns {SVGElement}
 */
export function chart(c, text, id) {
  return c.kind === 'line' ? lineChart(c, text, id) : barChart(c, text, id);
}

/**
 * @param {SVGElement} root
 * @param {ChartText} text
 */
function label(root, text) {
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', text.title);
  root.appendChild(svg('title', {}, text.title));
}

/**
 * @param {Chart} c @param {ChartText} text @param {string} id
 * @returns {SVGElement}
 */
function barChart(c, text, id) {
  const series = c.series.slice(0, 2);
  const barH = 14;
  const groupH = series.length * barH + 10;
  const labelW = Math.min(170, Math.max(40, ...text.categories.map((s) => s.length * 7 + 8)));
  const width = 640;
  const top = 26;
  const height = top + text.categories.length * groupH + 6;
  const max = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const span = width - labelW - 70;
  const scale = max > 0 ? span / max : 0;
  const root = svg('svg', { id, class: 'chart chart-bars', viewBox: `0 0 ${width} ${height}`, width: '100%', 'data-points': text.categories.length });
  label(root, text);
  root.appendChild(legend(c, text.series, 14));
  text.categories.forEach((cat, ci) => {
    const y = top + ci * groupH;
    root.appendChild(svg('text', { x: 0, y: y + (series.length * barH) / 2 + 4, class: 'chart-label' }, cat));
    series.forEach((s, si) => {
      const v = s.values[ci] ?? null;
      const w = v === null ? 0 : v * scale;
      const by = y + si * barH;
      const bar = swatch(si, labelW, by + 2, w, barH - 4);
      bar.setAttribute('data-value', String(v ?? ''));
      root.appendChild(bar);
      root.appendChild(svg('text', { x: labelW + w + 4, y: by + barH - 3, class: 'chart-value' }, valueText(c, v, text.lang)));
    });
  });
  root.appendChild(svg('line', { x1: labelW, y1: top - 2, x2: labelW, y2: height - 6, stroke: 'currentColor', 'stroke-width': 1 }));
  return root;
}

/**
 * @param {Chart} c @param {ChartText} text @param {string} id
 * @returns {SVGElement}
 */
function lineChart(c, text, id) {
  const series = c.series.slice(0, 2);
  const width = 640;
  const [x0, x1, y0, y1] = [48, width - 16, 34, 214];
  const height = y1 + 30;
  const max = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const step = niceStep(max);
  const topValue = Math.max(1, Math.ceil(max / step)) * step;
  const yOf = (/** @type {number} */ v) => y1 - (v / topValue) * (y1 - y0);
  const n = text.categories.length;
  const xOf = (/** @type {number} */ i) => (n === 1 ? (x0 + x1) / 2 : x0 + 10 + ((x1 - x0 - 20) * i) / (n - 1));
  const every = Math.max(1, Math.ceil(n / 12));
  const root = svg('svg', { id, class: 'chart chart-line', viewBox: `0 0 ${width} ${height}`, width: '100%', 'data-points': n });
  label(root, text);
  root.appendChild(legend(c, text.series, 14));
  for (let v = 0; v <= topValue + 1e-9; v += step) {
    const y = yOf(v);
    root.appendChild(svg('line', { x1: x0, y1: y, x2: x1, y2: y, stroke: 'currentColor', 'stroke-opacity': v === 0 ? 1 : 0.25, 'stroke-width': 1 }));
    root.appendChild(svg('text', { x: x0 - 6, y: y + 4, class: 'chart-label', 'text-anchor': 'end' }, formatNumber(v, step < 1 ? 1 : 0, text.lang)));
  }
  text.categories.forEach((cat, i) => {
    if (i % every === 0 || i === n - 1) {
      root.appendChild(svg('text', { x: xOf(i), y: y1 + 18, class: 'chart-label', 'text-anchor': 'middle' }, cat));
    }
  });
  series.forEach((s, si) => {
    // A month without a value breaks the line instead of dropping it to zero.
    /** @type {string[]} */
    let run = [];
    const flush = () => {
      if (run.length > 1) {
        root.appendChild(svg('polyline', { points: run.join(' '), fill: 'none', stroke: 'currentColor', 'stroke-width': 2, ...(si === 1 ? { 'stroke-dasharray': '6 4' } : {}) }));
      }
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) flush();
      else run.push(`${xOf(i)},${yOf(v)}`);
    });
    flush();
    s.values.forEach((v, i) => {
      if (v === null) return;
      const point = marker(si, xOf(i), yOf(v));
      point.setAttribute('data-value', String(v));
      root.appendChild(point);
      if (i % every === 0 || i === n - 1) {
        const y = si === 0 ? yOf(v) - 9 : yOf(v) + 17;
        root.appendChild(svg('text', { x: xOf(i), y, class: 'chart-value', 'text-anchor': 'middle' }, valueText(c, v, text.lang)));
      }
    });
  });
  return root;
}
