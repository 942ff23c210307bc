/**
 * What request and response changes do to the generated facade's types. This check reads findings, not
 * facts: per operation with `x-sdk` methods, breaking request findings narrow the params type (existing
 * calls may stop compiling), breaking response findings change the response type incompatibly, and
 * additive ones extend them.
 */
import type { RuleId } from '../rules/catalog.js';
import type { Finding, SdkMethod } from '../types.js';
import type { Emission } from './check.js';

export interface SdkTypeEmission extends Emission {
  readonly method: SdkMethod;
}

export const sdkTypesRules: readonly RuleId[] = ['sdk-params-narrowed', 'sdk-params-widened', 'sdk-response-changed', 'sdk-response-extended'];

/** `findings` are those of one operation; `methods` its facade methods on the head side. */
export function sdkTypes(methods: readonly SdkMethod[], findings: readonly Finding[]): SdkTypeEmission[] {
  const relevant = findings.filter((f) => f.area !== 'sdk');
  const request = relevant.filter((f) => f.direction === 'request');
  const response = relevant.filter((f) => f.direction === 'response');
  const out: SdkTypeEmission[] = [];
  for (const method of methods) {
    const name = `${method.resource}.${method.method}`;
    const pick = (list: readonly Finding[], breaking: RuleId, additive: RuleId, typeName: string | undefined): void => {
      const broken = list.filter((f) => f.level === 'breaking').length;
      const extended = list.filter((f) => f.level !== 'breaking' && f.bump !== 'patch').length;
      const sdk = typeName === undefined ? name : `${name}` + ` (${typeName})`;
      if (broken > 0) out.push({ rule: breaking, params: { sdk, count: String(broken) }, method });
      else if (extended > 0) out.push({ rule: additive, params: { sdk, count: String(extended) }, method });
    };
    pick(request, 'sdk-params-narrowed', 'sdk-params-widened', method.paramsType);
    pick(response, 'sdk-response-changed', 'sdk-response-extended', method.responseType);
  }
  return out;
}
