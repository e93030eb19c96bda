import { Network } from './network';

let network: Network | null = null;

/** The one websocket of the app, created on first use after login. */
export function appNetwork(): Network {
  network ??= new Network();
  return network;
}

/** Closes the socket (logout). The next `appNetwork()` opens a fresh one. */
export function closeAppNetwork(): void {
  network?.destroy();
  network = null;
}
