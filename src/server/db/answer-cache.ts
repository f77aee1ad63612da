import { deepFreeze } from "@/core/deep-freeze";
import type { ChangeCache } from "./change-cache";

/**
 * Answers computed from tables whose changes the given change caches hear (change-cache.ts),
 * kept until any of them hears a change, from any process. As there, changes committed before a
 * lookup are heard first (settled), an answer whose load overlapped a change is not kept, and
 * nothing is kept while a cache does not listen. The key must name everything else the answer
 * depends on (its input, the person it is for, the time it is as of).
 *
 * Answers are deep-frozen (unless `freeze` is false, for rows shared with other caches): many
 * requests share each one, and a frozen answer lets the output check and the encoding after the
 * service (api/answer-memo.ts) do their work once per answer too. At most `maxEntries` are kept,
 * the oldest going first.
 */
export function answerCache<T extends object>(channels: () => ChangeCache[], maxEntries: number, freeze = true) {
  let entries = new Map<string, T>();
  let version = "";
  const versionOf = (caches: ChangeCache[]) => caches.map((cache) => cache.generation()).join(" ");

  return async function answer(key: string, load: () => Promise<T>): Promise<T> {
    const caches = channels();
    if ((await Promise.all(caches.map((cache) => cache.listening()))).includes(false)) return load();
    await Promise.all(caches.map((cache) => cache.settle()));
    const started = versionOf(caches);
    if (started !== version) {
      entries = new Map();
      version = started;
    }
    const kept = entries.get(key);
    if (kept) return kept;
    const loaded = await load();
    const value = freeze ? deepFreeze(loaded) : loaded;
    // A cache that stopped listening meanwhile has moved its generation on too.
    if (versionOf(caches) === started && version === started) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
    }
    return value;
  };
}
