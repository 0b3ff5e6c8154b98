// The dedicated worker behind createAnalyser(): the request loop of
// engine.js, fed by the page's messages. The wasm loads from next to this
// file (or from the URL in the `init` message).

import { createEngine } from './engine.js';

const receive = createEngine((message, transfer = []) => postMessage(message, transfer));
self.addEventListener('message', (event) => receive(event.data));
