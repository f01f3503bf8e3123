import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { nodeEndpoint, type NodePort } from './node-endpoint';

class FakePort extends EventEmitter implements NodePort {
	posted: { message: unknown; transfer?: readonly ArrayBuffer[] }[] = [];
	postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void {
		this.posted.push({ message, transfer });
	}
}

describe('nodeEndpoint', () => {
	it('delivers messages as { data } events, and only to message listeners', () => {
		const port = new FakePort();
		const endpoint = nodeEndpoint(port);
		const messages: unknown[] = [];
		const errors: unknown[] = [];
		endpoint.addEventListener('message', (e: Event) => messages.push((e as MessageEvent).data));
		endpoint.addEventListener('error', (e: Event) => errors.push((e as ErrorEvent).message));
		port.emit('message', { id: 1 });
		expect(messages).toEqual([{ id: 1 }]);
		expect(errors).toEqual([]);
		port.emit('error', new Error('boom'));
		expect(errors).toEqual(['boom']);
		expect(messages).toHaveLength(1);
	});
	it('accepts listener objects and removes listeners by type', () => {
		const port = new FakePort();
		const endpoint = nodeEndpoint(port);
		const seen: unknown[] = [];
		const listener = { handleEvent: (e: Event) => seen.push((e as MessageEvent).data) };
		endpoint.addEventListener('message', listener);
		port.emit('message', 'a');
		endpoint.removeEventListener('message', listener);
		port.emit('message', 'b');
		expect(seen).toEqual(['a']);
		expect(port.listenerCount('message')).toBe(0);
	});
	it('posts with the transfer list', () => {
		const port = new FakePort();
		const buffer = new ArrayBuffer(8);
		nodeEndpoint(port).postMessage({ x: 1 }, [buffer]);
		expect(port.posted).toEqual([{ message: { x: 1 }, transfer: [buffer] }]);
	});
});
