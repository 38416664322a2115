import { describeLabels } from './ReviewItem';

describe('describe labels', () => {
	it('joins only what is there', () => {
		expect(
			describeLabels({ category: null, attributes: {}, colors: ['grey'] })
		).toBe('colours: grey');
		expect(
			describeLabels({
				category: 'Dresses',
				attributes: { usage: 'Casual' },
				colors: ['red', 'white'],
			})
		).toBe('Dresses; usage: Casual; colours: red, white');
		expect(
			describeLabels({ category: null, attributes: {}, colors: [] })
		).toBe('nothing confident enough');
	});
});
