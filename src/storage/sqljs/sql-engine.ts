/**
 * Loads the sql.js WebAssembly engine once per process. The wasm file is located through the
 * package resolver and handed over as bytes, so it works the same from src (tsx), from dist and
 * under vitest, whatever the working directory.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

let engine: Promise<SqlJsStatic> | undefined;

/** The shared sql.js engine (initialised on first use). */
export function loadSqlEngine(): Promise<SqlJsStatic> {
  if (!engine) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    const bytes = readFileSync(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    engine = initSqlJs({ wasmBinary: wasmBinary as ArrayBuffer });
    // A failed start must not be cached forever: the next call tries again.
    engine.catch(() => {
      engine = undefined;
    });
  }
  return engine;
}
