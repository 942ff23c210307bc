/**
 * Path parameters that are not a plain string or number, or that use an OpenAPI `style` other than
 * `simple`: booleans, arrays and objects, in `simple`, `label` (`.a.b`) and `matrix` (`;id=a,b`) style,
 * exploded or not, as the OpenAPI Parameter Object's style table writes them. Generated code calls
 * `expandPath` only for operations that have such a parameter; every other operation keeps the plain
 * `{name}` substitution of path.ts.
 * @see https://spec.openapis.org/oas/v3.1.0#style-examples
 */

export interface PathParamStyle {
  /** Default `simple`. */
  readonly style?: 'simple' | 'label' | 'matrix';
  /** Default false. */
  readonly explode?: boolean;
}

type Scalar = string | number | boolean;

function scalar(name: string, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return encodeURIComponent(String(value));
  throw new TypeError(`Path parameter "${name}" must hold strings, numbers or booleans, got ${value === null ? 'null' : typeof value}.`);
}

/** One parameter's expansion, per the style table (values percent-encoded, separators literal). */
export function expandParam(name: string, value: unknown, how: PathParamStyle = {}): string {
  const style = how.style ?? 'simple';
  const explode = how.explode ?? false;
  const key = encodeURIComponent(name);
  const prefix = style === 'label' ? '.' : style === 'matrix' ? ';' : '';
  let text: string;
  if (Array.isArray(value)) {
    const items = (value as unknown[]).map((v) => scalar(name, v));
    if (style === 'matrix') text = explode ? items.map((v) => `;${key}=${v}`).join('') : `;${key}=${items.join(',')}`;
    else text = prefix + items.join(explode ? prefix || ',' : ',');
  } else if (value !== null && typeof value === 'object') {
    const pairs = Object.entries(value as Record<string, Scalar>).filter(([, v]) => v !== undefined);
    const flat = pairs.map(([k, v]) => (explode ? `${encodeURIComponent(k)}=${scalar(name, v)}` : `${encodeURIComponent(k)},${scalar(name, v)}`));
    if (style === 'matrix') text = explode ? flat.map((p) => `;${p}`).join('') : `;${key}=${flat.join(',')}`;
    else text = prefix + flat.join(explode ? prefix || ',' : ',');
  } else {
    const one = scalar(name, value);
    text = style === 'matrix' ? `;${key}=${one}` : prefix + one;
  }
  // As in path.ts: a value that would change the route instead of naming a resource is refused.
  if (text === '' || text === '.' || text === '..') {
    throw new TypeError(`Path parameter "${name}" must not expand to ${text === '' ? 'nothing' : `"${text}"`}.`);
  }
  return text;
}

/** `template` with every `{name}` replaced by its expansion; names without a style entry are `simple`. */
export function expandPath(template: string, values: Record<string, unknown>, styles: Record<string, PathParamStyle> = {}): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => expandParam(name, values[name], styles[name]));
}
