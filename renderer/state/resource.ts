// Loading one piece of server data for a screen: the value, a plain-words error, and a reload.
// Server data comes from the handlers each time; screens do not keep their own copies of it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './notices';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads when `key` changes (a string naming what is loaded); `load` null waits. */
export function useResource<T>(key: string, load: (() => Promise<T>) | null): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const current = loader.current;
    if (!current) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await current();
      if (mine !== generation.current) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (mine !== generation.current) return;
      setError(messageOf(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { data, error, loading, reload };
}
