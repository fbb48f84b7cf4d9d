// Entry of the self-contained browser build (dist/browser/emovox.js): the whole public API, and
// the web components defined on import, for a plain <script type="module">.
export * from './sdk/index.ts';
export * from './components/index.ts';
import './components/index.ts';
