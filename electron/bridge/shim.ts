// The browser's window.boardPack: the same two functions the Electron preload exposes, carried
// over fetch to the bridge. It holds no secret: the browser sends the bridge's HttpOnly cookie with
// each same-origin call, so a page that includes this script elsewhere learns nothing from it.
export const SHIM_PATH = '/__bridge/shim.js';
export const CALL_PATH = '/__bridge/call';

export function shimScript(): string {
  return `// Board Pack browser bridge: window.boardPack over HTTP to 127.0.0.1.
(() => {
  'use strict';
  const UNEXPECTED = { ok: false, error: { code: 'unexpected', message: 'Something went wrong; nothing was changed.' } };
  async function call(method, input) {
    try {
      const response = await fetch(${JSON.stringify(CALL_PATH)}, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
      if (!response.ok) return UNEXPECTED;
      return await response.json();
    } catch {
      return UNEXPECTED;
    }
  }
  function onMenuCommand() {
    // A browser has no native menu: nothing ever arrives.
    return () => {};
  }
  Object.defineProperty(window, 'boardPack', {
    value: Object.freeze({ call, onMenuCommand }),
    writable: false,
    configurable: false,
  });
})();
`;
}

/** index.html with the shim loaded first, before the screens' module script runs. */
export function withShim(html: string): string {
  const tag = `<script src="${SHIM_PATH}"></script>`;
  return html.includes('<head>') ? html.replace('<head>', `<head>\n    ${tag}`) : `${tag}\n${html}`;
}
