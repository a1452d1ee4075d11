// In a plain browser opened by the test bridge (`channelops-bridge`, a development
// and test server over the real Rust core), Tauri's IPC is routed to the bridge:
// the generated bindings, the events and the dialogs are the shipped code, only
// the transport differs (Tauri's own `mockIPC` hook). The page gets the bridge's
// per-run token in its address (`?bridge=TOKEN`); the bridge refuses calls
// without it and calls from any other origin.
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';

declare global {
  interface Window {
    /** Paths the "native dialog" answers with, in order (tests set them); empty = cancelled. */
    __CHANNELOPS_PICKS__?: (string | null)[];
    /** Drops files on the window, as the window's drag-and-drop event does (tests call it). */
    __CHANNELOPS_DROP__?: (paths: string[]) => Promise<void>;
  }
}

/** Routes every command to the bridge and its events into Tauri's event system. */
export async function installBridge(token: string): Promise<void> {
  mockWindows('main');
  mockIPC(
    async (cmd, args) => {
      if (cmd.startsWith('plugin:dialog|')) return window.__CHANNELOPS_PICKS__?.shift() ?? null;
      const res = await fetch(`/invoke/${cmd}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
      const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
      // A refused command rejects with its {code, message, remedy}, as Tauri's invoke does.
      if (!res.ok) throw body;
      return body;
    },
    { shouldMockEvents: true },
  );
  window.__CHANNELOPS_DROP__ = (paths) => emit('tauri://drag-drop', { paths, position: { x: 0, y: 0 } });
  const socket = new WebSocket(`ws://${window.location.host}/events?token=${encodeURIComponent(token)}`);
  socket.onmessage = (m: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(m.data) as { event: string; payload: unknown };
    void emit(event, payload);
  };
  await new Promise<void>((resolve) => {
    socket.onopen = () => resolve();
    socket.onerror = () => resolve();
  });
}
