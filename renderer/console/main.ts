/** The floor managers' console (served at /admin/): mounts the app. */
import { render } from 'preact';
import { App } from './app/app.js';
import { html } from './html.js';

render(html`<${App} />`, document.getElementById('app')!);
