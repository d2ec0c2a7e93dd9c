// The worker that trains one widget's network off the main thread: a thin shell around the
// engine's pure host. Without a scheduler each 'run' does its ticks at once, so the page sets the
// pace (one tick per animation frame) and the worker never floods it with messages.

import { createTrainerHost, type HostRequest } from '@engine';

const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; onmessage: ((e: MessageEvent<HostRequest>) => void) | null };
const host = createTrainerHost((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (e) => host.handle(e.data);
