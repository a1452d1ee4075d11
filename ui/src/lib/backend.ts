// The UI talks to the app only through a Backend. Its shape is the generated
// command bindings (from Rust, see bindings.ts): one source of truth, plus the
// app's events and the native dialogs. One implementation, over Tauri's IPC: in
// the app window, and in a plain browser opened by the test bridge, where the same
// IPC is routed to the real core over HTTP (bridge.ts). There is no mock.
import { open, save } from '@tauri-apps/plugin-dialog';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { commands, events } from './bindings';
import type { OpenedFile, StackProgress, ValidationProgress } from './bindings';

export type Commands = typeof commands;
/** What the native dialog picks: a folder, an existing file, or where to save. */
export type PickKind = 'folder' | 'file' | 'save';
export interface Backend extends Commands {
  /** Calls `cb` as a validation reads files; resolves to the function that stops listening. */
  onValidationProgress(cb: (p: ValidationProgress) => void): Promise<() => void>;
  /** Calls `cb` on each status change of the stack being watched. */
  onStackProgress(cb: (p: StackProgress) => void): Promise<() => void>;
  /** Calls `cb` with a file a second launch of the app handed to this window. */
  onFileOpened(cb: (f: OpenedFile) => void): Promise<() => void>;
  /** Calls `cb` with the paths of files dropped on the window. */
  onFilesDropped(cb: (paths: string[]) => void): Promise<() => void>;
  /** The native open/save dialog; `null` when the user cancelled it. */
  pickPath(kind: PickKind, defaultPath?: string): Promise<string | null>;
}
export type * from './bindings';

async function pickPath(kind: PickKind, defaultPath?: string): Promise<string | null> {
  if (kind === 'save') return save({ defaultPath });
  const picked = await open({ directory: kind === 'folder', multiple: false, defaultPath });
  return typeof picked === 'string' ? picked : null;
}

/** The backend over Tauri IPC: the generated command functions and events. */
export const tauriBackend: Backend = {
  ...commands,
  onValidationProgress: (cb) => events.validationProgress.listen((e) => cb(e.payload)),
  onStackProgress: (cb) => events.stackProgress.listen((e) => cb(e.payload)),
  onFileOpened: (cb) => events.fileOpened.listen((e) => cb(e.payload)),
  onFilesDropped: (cb) =>
    getCurrentWebview().onDragDropEvent((e) => {
      if (e.payload.type === 'drop') cb(e.payload.paths);
    }),
  pickPath,
};

/** True when running inside the Tauri web view. */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** Why the UI cannot run: opened in a plain browser, neither in the app nor by the bridge. */
export const NO_BACKEND =
  'This is the interface of the ChannelOps Onboarding Assistant: open the app. For development, serve it with channelops-bridge (see ARCHITECTURE.md, "The test bridge"), which prints the address to open.';

/** Tauri inside the app window, and in a page the test bridge opened (its IPC routed to the
 *  real core over HTTP, see bridge.ts); `null` in any other browser. */
export async function selectBackend(): Promise<Backend | null> {
  if (inTauri()) return tauriBackend;
  const token = new URLSearchParams(window.location.search).get('bridge');
  if (token) {
    // Loaded only here, so the window never runs it.
    const { installBridge } = await import('./bridge');
    await installBridge(token);
    return tauriBackend;
  }
  return null;
}
