/**
 * wp-scripts' unit-test preset, with React pinned to one copy: the workspace has
 * React 18 (WordPress) and 19 (hoisted by other packages), and two copies break hooks.
 */
const path = require('path');
const preset = require('@wordpress/scripts/config/jest-unit.config');

const reactDir = path.dirname(require.resolve('react/package.json'));
const reactDomDir = path.dirname(require.resolve('react-dom/package.json'));

module.exports = {
	...preset,
	rootDir: __dirname,
	roots: ['<rootDir>/src'],
	moduleNameMapper: {
		'^react$': reactDir,
		'^react/(.*)$': `${reactDir}/$1`,
		'^react-dom$': reactDomDir,
		'^react-dom/(.*)$': `${reactDomDir}/$1`,
	},
};
