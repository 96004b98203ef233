/**
 * Uploads one media file as the raw body of POST /admin/api/media?name=…, through
 * XMLHttpRequest because fetch reports no upload progress.
 */
import { networkFailure, readAnswer, type ApiResult } from './answer.js';
import { API_ROOT, csrf, reportUnauthorized } from './client.js';
import type { MediaItem } from './types.js';

export interface Upload {
  done: Promise<ApiResult<MediaItem>>;
  cancel(): void;
}

export function uploadMedia(file: File, onProgress: (sent: number, total: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ApiResult<MediaItem>>((resolve) => {
    xhr.open('POST', `${API_ROOT}media?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    const token = csrf();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      const result = readAnswer<MediaItem>(xhr.status, xhr.getResponseHeader('Retry-After'), xhr.responseText);
      if (!result.ok && result.status === 401) reportUnauthorized(result.error);
      resolve(result);
    };
    // A 413 cuts the upload off mid-body: browsers then often report a network error, not the answer.
    xhr.onerror = () => resolve(networkFailure('upload interrupted'));
    xhr.onabort = () => resolve(networkFailure('upload cancelled'));
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}
