// In-memory Backend for browser tests and UI work without the Rust side.
// It returns data of exactly the generated types, so type-checking keeps it in
// step with the Rust commands.
import type { AppInfo, IpcError, Result } from './bindings';
import type { Backend } from './backend';

export interface MockOptions {
  appInfo?: Partial<AppInfo>;
  /** Make `appInfo` fail with this error (to exercise error display). */
  appInfoError?: IpcError;
}

export function createMockBackend(options: MockOptions = {}): Backend {
  const info: AppInfo = {
    product: 'ChannelOps Onboarding',
    version: '0.0.0-mock',
    data_dir: '/mock/data',
    data_dir_writable: true,
    ...options.appInfo,
  };
  return {
    async appInfo(): Promise<Result<AppInfo, IpcError>> {
      if (options.appInfoError) return { status: 'error', error: options.appInfoError };
      return { status: 'ok', data: { ...info } };
    },
  };
}

/** Options from the page URL, so browser tests can pick a scenario: `?mock=appInfoError`. */
export function mockOptionsFromQuery(search: string): MockOptions {
  const params = new URLSearchParams(search);
  if (params.get('mock') === 'appInfoError') {
    return {
      appInfoError: {
        code: 'io',
        message: 'could not create the data folder /mock/data: permission denied',
        remedy: 'Give your user read and write access to /mock/data (or choose another folder), then try again.',
      },
    };
  }
  return {};
}
