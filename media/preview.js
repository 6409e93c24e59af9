// The determination preview's only script: swaps in new bodies without flicker, keeps the scroll in step with
// the editor (both ways), and turns clicks on the summary into "show this line of the draft" messages.
// Lines are 0-based, as the editor counts them; blocks carry theirs in data-line.
// @ts-check
(function () {
  'use strict';
  // @ts-expect-error acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('imr-preview'));
  /** @type {{ source?: string, line?: number }} */
  let state = {};
  try {
    state = JSON.parse(document.getElementById('imr-preview-state')?.getAttribute('data-state') || '{}');
  } catch {
    state = {};
  }
  // What VS Code keeps for the page across a window reload: the extension shows that draft again.
  vscode.setState({ source: state.source });
  /** A scroll position this script set itself, so it is not sent back to the editor. */
  let expectedScrollY = /** @type {number | undefined} */ (undefined);
  let scrollQueued = false;

  /** Visible blocks with their source line and page offset, in page order. */
  function blocks() {
    const result = [];
    for (const element of root.querySelectorAll('[data-line]')) {
      const line = Number(element.getAttribute('data-line'));
      if (!Number.isFinite(line) || element.getClientRects().length === 0) continue;
      result.push({ line, top: element.getBoundingClientRect().top + window.scrollY });
    }
    return result;
  }

  /** Where a source line is in the page, between the blocks around it. */
  function offsetOfLine(line) {
    let previous;
    let next;
    for (const block of blocks()) {
      if (block.line <= line) {
        if (!previous || block.line > previous.line) previous = block;
      } else if (!next || block.line < next.line) {
        next = block;
      }
    }
    if (!previous) return 0;
    if (!next || next.top <= previous.top) return previous.top;
    return previous.top + ((next.top - previous.top) * (line - previous.line)) / (next.line - previous.line);
  }

  /** Which source line is at a page offset (fractional between blocks). */
  function lineAtOffset(offset) {
    const sorted = blocks().sort((a, b) => a.top - b.top);
    let previous;
    let next;
    for (const block of sorted) {
      if (block.top <= offset) previous = block;
      else if (previous && block.line > previous.line) {
        next = block;
        break;
      }
    }
    if (!previous) return 0;
    if (!next) return previous.line;
    return previous.line + ((next.line - previous.line) * (offset - previous.top)) / (next.top - previous.top);
  }

  function scrollToLine(line) {
    const limit = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
    const target = Math.round(Math.min(limit, Math.max(0, offsetOfLine(line))));
    if (Math.abs(window.scrollY - target) < 2) return;
    expectedScrollY = target;
    window.scrollTo(0, target);
  }

  /** Brings `target` in line with `source` with as few DOM changes as possible. */
  function morph(target, source) {
    const incoming = Array.from(source.childNodes);
    const existing = Array.from(target.childNodes);
    incoming.forEach((node, index) => {
      const current = existing[index];
      if (!current) {
        target.appendChild(node);
      } else if (current.isEqualNode(node)) {
        // unchanged
      } else if (current.nodeType === Node.TEXT_NODE && node.nodeType === Node.TEXT_NODE) {
        current.nodeValue = node.nodeValue;
      } else if (current instanceof Element && node instanceof Element && current.tagName === node.tagName) {
        for (const attribute of Array.from(current.attributes)) {
          if (!node.hasAttribute(attribute.name)) current.removeAttribute(attribute.name);
        }
        for (const attribute of Array.from(node.attributes)) {
          if (current.getAttribute(attribute.name) !== attribute.value) current.setAttribute(attribute.name, attribute.value);
        }
        morph(current, node);
      } else {
        target.replaceChild(node, current);
      }
    });
    for (let index = existing.length - 1; index >= incoming.length; index--) target.removeChild(existing[index]);
  }

  function update(html) {
    // A template parses without running anything; the HTML is sanitised already and the CSP allows no inline script.
    const template = document.createElement('template');
    template.innerHTML = html;
    const before = window.scrollY;
    morph(root, template.content);
    if (window.scrollY !== before) expectedScrollY = window.scrollY;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      const switched = typeof message.source === 'string' && message.source !== state.source;
      state.source = message.source;
      if (switched) vscode.setState({ source: state.source });
      update(message.html);
      if (typeof message.line === 'number') scrollToLine(message.line);
      else if (switched) window.scrollTo(0, 0);
    } else if (message.type === 'scrollToLine' && typeof message.line === 'number') {
      scrollToLine(message.line);
    }
  });

  window.addEventListener(
    'scroll',
    () => {
      if (expectedScrollY !== undefined && Math.abs(window.scrollY - expectedScrollY) < 2) {
        expectedScrollY = undefined;
        return;
      }
      expectedScrollY = undefined;
      if (scrollQueued) return;
      scrollQueued = true;
      window.requestAnimationFrame(() => {
        scrollQueued = false;
        vscode.postMessage({ type: 'scroll', line: lineAtOffset(window.scrollY) });
      });
    },
    { passive: true },
  );

  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link) return;
      const sourceLine = link.getAttribute('data-source-line');
      if (sourceLine !== null) {
        event.preventDefault();
        const line = Number(sourceLine);
        if (Number.isFinite(line)) vscode.postMessage({ type: 'openLine', line });
        return;
      }
      const href = link.getAttribute('href');
      if (!href) return;
      event.preventDefault();
      if (href.startsWith('#')) {
        document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
      } else {
        vscode.postMessage({ type: 'openLink', href });
      }
    },
    true,
  );

  // As in the Markdown preview, a double click in the letter shows that line in the editor.
  document.addEventListener('dblclick', (event) => {
    const block = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (!block) return;
    const line = Number(block.getAttribute('data-line'));
    if (Number.isFinite(line)) vscode.postMessage({ type: 'openLine', line });
  });

  vscode.postMessage({ type: 'ready' });
})();
