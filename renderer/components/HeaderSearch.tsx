// One search across the record, in the header: Ctrl+K or / puts the cursor in it; results come
// grouped by kind as the person types; ↓ moves into them, Enter opens one where it lives, Esc
// comes back. Snippets are text with the found words in <mark>, never HTML from the database.
import { useEffect, useRef, useState } from 'react';
import { SEARCH_KIND_LABELS, type SearchHit, type SearchResult } from '../../shared/contractSearch';
import { tryCall } from '../api';
import { useSearchTarget } from '../state/searchTarget';
import { useSession } from '../state/session';
import { placeOf } from './searchPlaces';

const DELAY_MS = 150;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Scrolls to and focuses the element a search result asked for, once its screen has drawn it. */
function useLanding(): void {
  const elementId = useSearchTarget((s) => s.elementId);
  useEffect(() => {
    if (!elementId) return undefined;
    let tries = 0;
    const timer = window.setInterval(() => {
      const element = document.getElementById(elementId);
      tries += 1;
      if (!element && tries < 40) return;
      window.clearInterval(timer);
      useSearchTarget.getState().clear();
      element?.scrollIntoView({ block: 'center' });
      element?.focus();
    }, 100);
    return () => window.clearInterval(timer);
  }, [elementId]);
}

export function HeaderSearch() {
  const [words, setWords] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  useLanding();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      if (!ctrlK && !(event.key === '/' && !isTyping(event.target))) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!words.trim()) {
      setResult(null);
      return undefined;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      void tryCall('search.query', { words }).then((answer) => {
        if (!current) return;
        setError(answer.ok ? null : answer.error.message);
        setResult(answer.ok ? answer.value : null);
      });
    }, DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [words]);

  function links(): HTMLAnchorElement[] {
    return Array.from(panelRef.current?.querySelectorAll('a') ?? []);
  }

  function moveFocus(event: React.KeyboardEvent, step: number) {
    const all = links();
    const at = all.findIndex((a) => a === document.activeElement);
    const next = at + step;
    event.preventDefault();
    if (next < 0) inputRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'ArrowDown') moveFocus(event, 1);
    else if (event.key === 'ArrowUp') moveFocus(event, -1);
    else if (event.key === 'Escape') {
      setOpen(false);
      inputRef.current?.focus();
    }
  }

  function openHit(hit: SearchHit) {
    const place = placeOf(hit);
    if (place.month) useSession.getState().setMonth(place.month);
    useSearchTarget.getState().land(place);
    setOpen(false);
  }

  const shown = open && words.trim() !== '' && (result !== null || error !== null);
  return (
    <div
      className="header-search"
      role="search"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <label htmlFor="header-search-input" className="visually-hidden">
        Search the record
      </label>
      <input
        id="header-search-input"
        ref={inputRef}
        type="search"
        placeholder="Search (Ctrl+K)"
        autoComplete="off"
        value={words}
        aria-describedby="header-search-count"
        aria-controls={shown ? 'header-search-results' : undefined}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setWords(e.target.value);
          setOpen(true);
        }}
      />
      <p id="header-search-count" className="visually-hidden" aria-live="polite">
        {shown && result ? summary(result) : ''}
      </p>
      {shown && (
        <div id="header-search-results" ref={panelRef} className="header-search-results">
          {error && <p className="error-message">{error}</p>}
          {result && result.groups.length === 0 && <p>Nothing found for “{result.words}”.</p>}
          {result?.groups.map((group) => (
            <section key={group.kind} aria-labelledby={`search-group-${group.kind}`}>
              <h2 id={`search-group-${group.kind}`}>
                {SEARCH_KIND_LABELS[group.kind]}{' '}
                <span className="muted small">
                  {group.total > group.hits.length
                    ? `best ${group.hits.length} of ${group.total}`
                    : group.total}
                </span>
              </h2>
              <ul>
                {group.hits.map((hit) => (
                  <li key={hit.id}>
                    <a href={placeOf(hit).href} onClick={() => openHit(hit)}>
                      <span className="search-hit-title">{hit.title}</span>
                      <span className="search-hit-context">{hit.context}</span>
                      <span className="search-hit-snippet">
                        {hit.snippet.map((part, i) =>
                          part.hit ? <mark key={i}>{part.text}</mark> : part.text,
                        )}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

function summary(result: SearchResult): string {
  const found = result.groups.reduce((n, g) => n + g.total, 0);
  return found === 0 ? 'Nothing found.' : `${found} found; press down arrow to go through them.`;
}
