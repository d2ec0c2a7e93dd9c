// A worker that replays a training run with the engine's trainer host, off the main thread, so
// the page can rebuild the network of any epoch of a run exactly (same config and seed).
import { createTrainerHost, type HostRequest } from '@engine';

const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; onmessage: ((e: MessageEvent<HostRequest>) => void) | null };
const host = createTrainerHost((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (e) => host.handle(e.data);
