/**
 * Sample values for one operation: the spec's own example when it gives one (the curated examples are
 * validated by the spec tests), else a value from openapi-sampler, which is deterministic (no random
 * source) and honours `required`, `enum`, `const`, formats, bounds and `readOnly`/`writeOnly`.
 */
import { sample } from 'openapi-sampler';
import { isNode, type Node, type RefResolver } from '../../ir/walk.js';

export interface SampleContext {
  readonly doc: Node;
  readonly resolver: RefResolver;
}

/** The first named example (keys are sorted by the loader, so "first" is stable), else `example`. */
function mediaExample(media: Node): { value: unknown } | undefined {
  const examples = media['examples'];
  if (isNode(examples)) {
    for (const key of Object.keys(examples)) {
      const example = examples[key];
      if (isNode(example) && 'value' in example) return { value: example['value'] };
    }
  }
  return 'example' in media ? { value: media['example'] } : undefined;
}

function sampled(schema: unknown, direction: 'request' | 'response', ctx: SampleContext): unknown {
  return sample(
    (schema ?? {}) as Parameters<typeof sample>[0],
    { skipReadOnly: direction === 'request', skipWriteOnly: direction === 'response', quiet: true },
    ctx.doc,
  );
}

/** Sample of one media type object (request body or response content). */
export function mediaSample(media: Node, direction: 'request' | 'response', ctx: SampleContext): unknown {
  const example = mediaExample(media);
  return example ? example.value : sampled(media['schema'], direction, ctx);
}

/** Sample of one parameter: its `example`, its first `examples` value, else a sampled value. */
export function paramSample(param: Node, ctx: SampleContext): unknown {
  if ('example' in param) return param['example'];
  const fromExamples = mediaExample({ examples: param['examples'] });
  if (fromExamples) return fromExamples.value;
  return sampled(ctx.resolver.deref(param['schema']) ?? param['schema'], 'request', ctx);
}
