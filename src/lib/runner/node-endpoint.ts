/**
 * A comlink endpoint over a Node `worker_threads` port or Worker, for running the model pool
 * under Node (the benchmark's threaded ensemble). comlink's own node adapter delivers every
 * event as a message, whatever its type, so the `error` listener of GuardedRemote would take each
 * reply for a crash; here `message`, `messageerror` and `error` stay apart, as in a browser.
 */
import type { Endpoint } from 'comlink';

/** What is needed of a Worker or MessagePort from node:worker_threads. */
export interface NodePort {
	postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
	on(event: string, listener: (value: unknown) => void): unknown;
	off(event: string, listener: (value: unknown) => void): unknown;
	start?(): void;
}

type Listener = EventListenerOrEventListenerObject;

export function nodeEndpoint(port: NodePort): Endpoint {
	const wrapped = new Map<Listener, Map<string, (value: unknown) => void>>();
	const deliver = (listener: Listener, event: unknown) => {
		if (typeof listener === 'function') listener(event as Event);
		else listener.handleEvent(event as Event);
	};
	return {
		postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, (transfer ?? []) as ArrayBuffer[]),
		addEventListener(type: string, listener: Listener) {
			const onValue = (value: unknown) =>
				deliver(
					listener,
					type === 'message'
						? { type, data: value }
						: { type, message: value instanceof Error ? value.message : String(value), error: value }
				);
			let byType = wrapped.get(listener);
			if (!byType) wrapped.set(listener, (byType = new Map()));
			byType.set(type, onValue);
			port.on(type, onValue);
		},
		removeEventListener(type: string, listener: Listener) {
			const onValue = wrapped.get(listener)?.get(type);
			if (!onValue) return;
			port.off(type, onValue);
			wrapped.get(listener)!.delete(type);
		},
		start: port.start?.bind(port)
	} as Endpoint;
}
