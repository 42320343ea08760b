// Placeholder: the browser preview's WebSocket bridge lands with electron/web/.
import type { SheafApi } from '../../../shared/ipc';
export function createWebBridge(_location: Location): SheafApi {
  throw new Error('The browser preview bridge is not built yet.');
}
