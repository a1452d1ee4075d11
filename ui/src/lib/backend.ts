// The UI talks to the app only through a Backend. Its shape is the generated
// command bindings (from Rust, see bindings.ts): one source of truth, plus the
// app's events. Two implementations: the real one over Tauri IPC, and an
// in-memory mock that lets the same screens run in a plain browser for tests.
import { commands, events } from './bindings';
import type { ValidationProgress } from './bindings';
import { createMockBackend, mockOptionsFromQuery } from './mockBackend';

export type Commands = typeof commands;
export interface Backend extends Commands {
  /** Calls `cb` as a validation reads files; resolves to the function that stops listening. */
  onValidationProgress(cb: (p: ValidationProgress) => void): Promise<() => void>;
}
export type * from './bindings';

/** The backend over Tauri IPC: the generated command functions and events. */
export const tauriBackend: Backend = {
  ...commands,
  onValidationProgress: (cb) => events.validationProgress.listen((e) => cb(e.payload)),
};

/** True when running inside the Tauri web view. */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** Tauri inside the app window; the mock in a plain browser (tests, design work). */
export function selectBackend(): Backend {
  return inTauri() ? tauriBackend : createMockBackend(mockOptionsFromQuery(window.location.search));
}
