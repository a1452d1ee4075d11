// The UI talks to the app only through a Backend. Its shape is the generated
// command bindings (from Rust, see bindings.ts): one source of truth. Two
// implementations: the real one over Tauri IPC, and an in-memory mock that lets
// the same screens run in a plain browser for tests.
import { commands } from './bindings';
import { createMockBackend, mockOptionsFromQuery } from './mockBackend';

export type Backend = typeof commands;
export type { AppInfo, IpcError, ErrorCode, Result } from './bindings';

/** The backend over Tauri IPC: the generated command functions themselves. */
export const tauriBackend: Backend = commands;

/** True when running inside the Tauri web view. */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** Tauri inside the app window; the mock in a plain browser (tests, design work). */
export function selectBackend(): Backend {
  return inTauri() ? tauriBackend : createMockBackend(mockOptionsFromQuery(window.location.search));
}
