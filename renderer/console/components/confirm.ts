/**
 * A modal question ("Delete this programme?") on the native <dialog>, which traps focus and closes
 * on Esc. `askConfirm` resolves true for OK; `ConfirmHost` is rendered once by the app.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';

interface Question {
  message: string;
  detail?: string;
  ok?: string;
  danger?: boolean;
  resolve(answer: boolean): void;
}

let show: ((q: Question) => void) | null = null;

export function askConfirm(message: string, options: { detail?: string; ok?: string; danger?: boolean } = {}): Promise<boolean> {
  return new Promise((resolve) => {
    if (!show) return resolve(false);
    show({ message, ...options, resolve });
  });
}

export function ConfirmHost() {
  const [question, setQuestion] = useState<Question | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    show = setQuestion;
    return () => {
      show = null;
    };
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (question && d && !d.open) d.showModal();
  }, [question]);
  const answer = (value: boolean): void => {
    question?.resolve(value);
    setQuestion(null);
    dialog.current?.close();
  };
  return html`<dialog ref=${dialog} class="confirm" aria-labelledby="confirm-title" onCancel=${() => answer(false)} data-testid="confirm-dialog">
    ${question
      ? html`<h2 id="confirm-title">${t('confirm.title')}</h2>
          <p class="confirm-message">${question.message}</p>
          ${question.detail ? html`<pre class="confirm-detail">${question.detail}</pre>` : null}
          <div class="actions">
            <button type="button" class="secondary" onClick=${() => answer(false)} data-testid="confirm-cancel">${t('common.cancel')}</button>
            <button type="button" class=${question.danger ? 'danger' : 'primary'} onClick=${() => answer(true)} data-testid="confirm-ok">${question.ok ?? t('common.confirm')}</button>
          </div>`
      : null}
  </dialog>`;
}
