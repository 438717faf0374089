// A tiny stand-in for the browser DOM, enough for dom.js and the screens' builders to run under
// `node --test`. Setting innerHTML/outerHTML throws, so a test fails if any code path uses them.

class FakeNode {
  constructor() {
    /** @type {FakeNode[]} */
    this.childNodes = [];
    this.parentNode = null;
  }
  get firstChild() {
    return this.childNodes[0] ?? null;
  }
  appendChild(node) {
    if (!(node instanceof FakeNode)) throw new TypeError('appendChild: not a node');
    this.childNodes.push(node);
    node.parentNode = this;
    return node;
  }
  removeChild(node) {
    const at = this.childNodes.indexOf(node);
    if (at < 0) throw new Error('removeChild: not a child');
    this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  }
  get textContent() {
    return this.childNodes.map((c) => c.textContent).join('');
  }
}

export class FakeText extends FakeNode {
  constructor(data) {
    super();
    this.nodeType = 3;
    this.data = data;
  }
  get textContent() {
    return this.data;
  }
}

export class FakeElement extends FakeNode {
  constructor(tag) {
    super();
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    /** @type {Map<string, string>} */
    this.attributes = new Map();
    this.className = '';
  }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }
  getAttribute(name) {
    return this.attributes.get(name) ?? null;
  }
  /** Listeners are kept, so a test can call them: `el.listeners.click[0]()`. */
  addEventListener(type, listener) {
    this.listeners ??= {};
    (this.listeners[type] ??= []).push(listener);
  }
  get children() {
    return this.childNodes.filter((c) => c instanceof FakeElement);
  }
  get textContent() {
    return super.textContent;
  }
  set textContent(value) {
    this.childNodes = [];
    this.appendChild(new FakeText(String(value)));
  }
  set innerHTML(_value) {
    throw new Error('innerHTML was set');
  }
  set outerHTML(_value) {
    throw new Error('outerHTML was set');
  }
  /** Every descendant element, depth first. */
  *descendants() {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }
  /** Descendants with this tag name. */
  all(tag) {
    return [...this.descendants()].filter((e) => e.tagName === tag.toUpperCase());
  }
}

/** Installs a fresh fake `document` on globalThis and returns it. */
export function installFakeDocument() {
  const document = {
    createElement: (tag) => new FakeElement(tag),
    createElementNS: (ns, tag) => Object.assign(new FakeElement(tag), { namespaceURI: ns }),
    createTextNode: (data) => new FakeText(data),
  };
  globalThis.document = /** @type {any} */ (document);
  return document;
}
