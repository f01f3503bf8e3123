import { describe, expect, test } from 'vitest';
import { formatShard, parseShard, shardOf, shardSize, shardTasks, WHOLE } from './shard';

describe('parseShard', () => {
	test('reads i/N counted from 0', () => {
		expect(parseShard('0/1')).toEqual(WHOLE);
		expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
		expect(formatShard({ index: 3, count: 4 })).toBe('3/4');
	});

	test.each([
		['4/4', 'i counts from 0'],
		['1/0', 'N must be from 1'],
		['-1/4', 'must look like i/N'],
		['1of4', 'must look like i/N'],
		['1.5/4', 'must look like i/N']
	])('refuses %s', (text, part) => {
		const result = parseShard(text);
		expect(typeof result).toBe('string');
		expect(result).toContain(part);
	});
});

describe('round-robin assignment', () => {
	test.each([
		[1, 1], [10, 1], [10, 2], [10, 3], [10, 7], [10, 10], [3, 8], [97, 12]
	])('%i tasks in %i shards: every task in exactly one shard, sizes within one, shardSize agrees', (tasks, count) => {
		const seen = new Array<number>(tasks).fill(0);
		const sizes: number[] = [];
		for (let index = 0; index < count; index++) {
			const mine = [...shardTasks({ index, count }, tasks)];
			expect(mine.length).toBe(shardSize({ index, count }, tasks));
			expect([...mine].sort((a, b) => a - b)).toEqual(mine);
			for (const k of mine) {
				expect(shardOf(k, count)).toBe(index);
				seen[k]++;
			}
			sizes.push(mine.length);
		}
		expect(seen.every((n) => n === 1)).toBe(true);
		expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
	});
});
