// The browser's window.boardPack: the same two functions the Electron preload exposes, carried
// over fetch to the bridge. Served as a script only to a browser that holds the access token.
export const SHIM_PATH = '/__bridge/shim.js';
export const CALL_PATH = '/__bridge/call';
export const TOKEN_HEADER = 'x-board-pack-token';

export function shimScript(token: string): string {
  return `// Board Pack browser bridge: window.boardPack over HTTP to 127.0.0.1.
(() => {
  'use strict';
  const TOKEN = ${JSON.stringify(token)};
  const UNEXPECTED = { ok: false, error: { code: 'unexpected', message: 'Something went wrong; nothing was changed.' } };
  async function call(method, input) {
    try {
      const response = await fetch(${JSON.stringify(CALL_PATH)}, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: TOKEN },
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
