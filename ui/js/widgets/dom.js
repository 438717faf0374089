// @ts-check
/**
 * Builds DOM nodes from data safely: text always goes in through text nodes (`textContent`), never as
 * HTML. There is deliberately no way to set `innerHTML`, `outerHTML` or an inline event handler here.
 * @module widgets/dom
 */

/**
 * @typedef {string | number | Node | null | undefined | false} Child
 * A child of a built element: strings and numbers become text nodes; null, undefined and false are skipped.
 */

/**
 * @typedef {Child | Child[] | Child[][] | Child[][][]} Children
 * Children, in arrays nested as deep as the screens build them (three levels; flattened in order).
 */

/**
 * @typedef {Record<string, string | number | boolean | null | undefined>} Attributes
 * `class` sets the class name; `dataset` style keys are written as `data-…`; `true` sets an empty boolean
 * attribute; null, undefined and false leave the attribute out.
 */

/** Attributes that would turn data into markup or code. */
const FORBIDDEN = /^(on|innerhtml$|outerhtml$|srcdoc$)/i;

/**
 * Creates an element with attributes and children.
 * @param {string} tag
 * @param {Attributes} [attributes]
 * @param {...Children} children
 * @returns {HTMLElement}
 * @throws {Error} for an event-handler or HTML-injecting attribute
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (FORBIDDEN.test(name)) throw new Error(`dom.h: attribute "${name}" is not allowed`);
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/**
 * Appends children to a node; strings and numbers become text nodes.
 * @param {Node} parent
 * @param {...Children} children
 * @returns {Node} the parent
 */
export function append(parent, ...children) {
  for (const child of /** @type {Child[]} */ (children.flat(Infinity))) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * Replaces every child of `parent` with `children`.
 * @param {Node} parent
 * @param {...Children} children
 * @returns {Node} the parent
 */
export function replace(parent, ...children) {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  return append(parent, ...children);
}

/**
 * Finds one element by CSS selector, failing loudly if the page does not have it.
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {HTMLElement}
 */
export function one(selector, root = document) {
  const found = root.querySelector(selector);
  if (!(found instanceof HTMLElement)) throw new Error(`dom.one: nothing matches ${selector}`);
  return found;
}
