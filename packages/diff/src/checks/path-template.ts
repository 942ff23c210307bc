/** Same route, renamed path parameter: the URL clients build is unchanged and path arguments are positional. */
import { defineCheck, fire } from './check.js';

export const pathTemplate = defineCheck({
  name: 'path-template',
  subjects: ['path-param-names'],
  rules: ['path-parameter-renamed'],
  run: (fact) => fire('path-parameter-renamed', { before: fact.before, after: fact.after }),
});
