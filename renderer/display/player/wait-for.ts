import { classifyFailure } from './classify-failure.js';
import { SkipError } from './slot.js';

/**
 * Resolves on `event` from a media element; rejects with a classified SkipError on its `error`
 * event, or 'stalled' after `timeoutMs` (a server that accepts the request and never answers).
 */
export function waitFor(el: HTMLMediaElement, event: string, url: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      el.removeEventListener(event, onEvent);
      el.removeEventListener('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onEvent = (): void => {
      done();
      resolve();
    };
    const onError = (): void => {
      done();
      void classifyFailure(url).then((r) => reject(new SkipError(r)));
    };
    const onAbort = (): void => {
      done();
      reject(new DOMException('released', 'AbortError'));
    };
    const timer = setTimeout(() => {
      done();
      reject(new SkipError('stalled'));
    }, timeoutMs);
    el.addEventListener(event, onEvent);
    el.addEventListener('error', onError);
    signal.addEventListener('abort', onAbort);
  });
}
