import { vi } from 'vitest';

/** As in a browser: a frame's callback runs after React has drawn (undo with vi.unstubAllGlobals). */
export function stubAnimationFrames() {
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
    setTimeout(() => callback(0), 0),
  );
}
