/**
 * Response status codes. Losing a success status breaks clients that expect it; losing an error status
 * only changes which error they see, hence a warning. `default` counts as an error response.
 */
import { defineCheck, fire } from './check.js';

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

export const responseStatus = defineCheck({
  name: 'response-status',
  subjects: ['response-added', 'response-removed'],
  rules: ['response-success-status-added', 'response-success-status-removed', 'response-error-status-added', 'response-error-status-removed'],
  run: (fact) => {
    const success = isSuccess(fact.status);
    if (fact.subject === 'response-added') return fire(success ? 'response-success-status-added' : 'response-error-status-added', { status: fact.status });
    return fire(success ? 'response-success-status-removed' : 'response-error-status-removed', { status: fact.status });
  },
});
