// Real IndexedDB semantics in Node: fake-indexeddb implements the spec.
import 'fake-indexeddb/auto';
