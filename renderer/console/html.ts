/** JSX without a JSX compiler: tagged templates turned into Preact vnodes (htm). */
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
