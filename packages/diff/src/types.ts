/**
 * Shared vocabulary of the spec diff: the structural facts (`Change`) the diff produces without judging
 * them, and the judged `Finding`s the rule checks turn them into. See docs/spec-diff.md.
 */

export type Level = 'breaking' | 'warning' | 'info';
export type Direction = 'request' | 'response' | 'none';
export type Bump = 'major' | 'minor' | 'patch';
export type Surface = 'wire' | 'sdk';
export type Area =
  | 'operation'
  | 'parameter'
  | 'request-body'
  | 'response'
  | 'header'
  | 'security'
  | 'schema'
  | 'sdk';

/** One facade method, from the SDK surface (@retell-kit/openapi-core `sdkSurface`): `client.<resource>.<method>()`. */
export interface SdkMethod {
  readonly resource: string;
  readonly method: string;
  readonly paramsType?: string;
  readonly responseType?: string;
}

/** An operation as both sides of the diff name it: `POST /create-agent`. */
export interface OperationRef {
  readonly method: string;
  readonly path: string;
}

/**
 * Facts about one schema node, relative to the schema root they were found under. Schema facts carry no
 * direction of their own: the operation-level diff knows whether the root is read by the server (request)
 * or by the client (response).
 */
export type SchemaFact =
  | { readonly subject: 'property-added'; readonly name: string; readonly required: boolean }
  /** `closed`: the head object has `additionalProperties: false`, so a payload still sending it is rejected. */
  | { readonly subject: 'property-removed'; readonly name: string; readonly required: boolean; readonly closed: boolean }
  | { readonly subject: 'property-required'; readonly name: string; readonly after: boolean }
  | { readonly subject: 'deprecated'; readonly after: boolean }
  | { readonly subject: 'type'; readonly before: readonly string[] | null; readonly after: readonly string[] | null }
  | { readonly subject: 'nullable'; readonly after: boolean }
  | {
      readonly subject: 'enum';
      readonly before: readonly string[] | null;
      readonly after: readonly string[] | null;
    }
  | { readonly subject: 'union-branch-added'; readonly branch: string }
  | { readonly subject: 'union-branch-removed'; readonly branch: string }
  | {
      readonly subject: 'bound';
      readonly keyword: BoundKeyword;
      readonly before: number | undefined;
      readonly after: number | undefined;
    }
  | { readonly subject: 'pattern'; readonly before: string | undefined; readonly after: string | undefined }
  | { readonly subject: 'format'; readonly before: string | undefined; readonly after: string | undefined }
  | {
      readonly subject: 'additional-properties';
      readonly before: AdditionalPropertiesMode;
      readonly after: AdditionalPropertiesMode;
    }
  | { readonly subject: 'default'; readonly before: string | undefined; readonly after: string | undefined }
  /** `items` constrained on one side only (an untyped array became typed, or the reverse); the other side is null. */
  | { readonly subject: 'items'; readonly before: string | null; readonly after: string | null }
  | { readonly subject: 'discriminator'; readonly detail: string }
  /** Documentation facts, only recorded with `--include-docs`. */
  | { readonly subject: 'description' }
  | { readonly subject: 'example' };

export type BoundKeyword = 'maxLength' | 'minLength' | 'maximum' | 'minimum' | 'maxItems' | 'minItems';
/** `open`: any extra key (absent, `true`, `{}`); `closed`: `false`; `schema`: extra keys must match a schema. */
export type AdditionalPropertiesMode = 'open' | 'closed' | 'schema';

/** A schema fact at a segment path below its root (`['nodes', '[]', '<ConversationNode>', 'operator']`). */
export interface SchemaChange {
  readonly path: readonly string[];
  readonly fact: SchemaFact;
  /** The innermost component the fact lives in, and the path inside it: one change, however many routes reach it. */
  readonly origin?: { readonly component: string; readonly path: readonly string[] };
}

/** Facts about operations and their non-schema parts. */
export type OperationFact =
  | { readonly subject: 'server-added'; readonly url: string }
  | { readonly subject: 'server-removed'; readonly url: string }
  | {
      readonly subject: 'security-scheme';
      readonly scheme: string;
      readonly change: 'added' | 'removed' | 'changed' | 'extended';
      readonly detail: string;
    }
  | { readonly subject: 'operation-added' }
  | { readonly subject: 'operation-removed' }
  | { readonly subject: 'operation-deprecated'; readonly after: boolean }
  | { readonly subject: 'operation-id'; readonly before: string; readonly after: string }
  | { readonly subject: 'operation-docs'; readonly field: 'summary' | 'description' }
  | { readonly subject: 'path-param-names'; readonly before: string; readonly after: string }
  | { readonly subject: 'parameter-added'; readonly param: string; readonly required: boolean }
  | { readonly subject: 'parameter-removed'; readonly param: string }
  | { readonly subject: 'parameter-required'; readonly param: string; readonly after: boolean }
  | { readonly subject: 'parameter-deprecated'; readonly param: string; readonly after: boolean }
  | {
      readonly subject: 'parameter-serialization';
      readonly param: string;
      readonly before: string;
      readonly after: string;
    }
  | { readonly subject: 'request-body-added'; readonly required: boolean }
  | { readonly subject: 'request-body-removed' }
  | { readonly subject: 'request-body-required'; readonly after: boolean }
  | { readonly subject: 'media-type-added'; readonly mediaType: string }
  | { readonly subject: 'media-type-removed'; readonly mediaType: string }
  | { readonly subject: 'response-added'; readonly status: string }
  | { readonly subject: 'response-removed'; readonly status: string }
  | { readonly subject: 'header-added'; readonly header: string; readonly required: boolean }
  | { readonly subject: 'header-removed'; readonly header: string; readonly required: boolean }
  | { readonly subject: 'header-required'; readonly header: string; readonly after: boolean }
  | { readonly subject: 'security-alternative-added'; readonly schemes: string }
  | { readonly subject: 'security-alternative-removed'; readonly schemes: string }
  | {
      readonly subject: 'security-scopes';
      readonly scheme: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    }
  | { readonly subject: 'sdk-method-added'; readonly sdk: string }
  | { readonly subject: 'sdk-method-removed'; readonly sdk: string }
  | { readonly subject: 'sdk-method-renamed'; readonly before: string; readonly after: string }
  | { readonly subject: 'sdk-method-moved'; readonly sdk: string; readonly before: string; readonly after: string }
  | { readonly subject: 'sdk-positional-changed'; readonly sdk: string; readonly before: string; readonly after: string }
  | { readonly subject: 'sdk-params-type-renamed'; readonly sdk: string; readonly before: string; readonly after: string }
  | { readonly subject: 'sdk-response-type-renamed'; readonly sdk: string; readonly before: string; readonly after: string }
  | { readonly subject: 'sdk-type-added'; readonly type: string }
  | { readonly subject: 'sdk-type-removed'; readonly type: string }
  | { readonly subject: 'sdk-type-renamed'; readonly before: string; readonly after: string };

export type Fact = SchemaFact | OperationFact;
export type Subject = Fact['subject'];

/** One structural difference, located: the output of the structural diff, input of the checks. */
export interface Change {
  readonly fact: Fact;
  /** `request` for what the client sends, `response` for what it receives, `none` for the route itself. */
  readonly direction: Direction;
  readonly operation: OperationRef | null;
  /** Where in the operation: `body(application/json).nodes[].operator`, `query.limit`, `response(200)`. */
  readonly location: string;
  /** For schema facts inside a component: `EquationCondition.equations[].operator`. */
  readonly origin: string | null;
}

/** A judged change: one rule fired. This is what reports print and the JSON schema documents. */
export interface Finding {
  readonly id: string;
  readonly level: Level;
  readonly direction: Direction;
  readonly area: Area;
  /** `wire`: the HTTP contract; `sdk`: names and types of the generated clients (see verdict.ts). */
  readonly surface: Surface;
  readonly bump: Bump;
  /** `POST /create-agent`, or null for spec-wide findings. */
  readonly operation: string | null;
  readonly location: string;
  /** Where the change lives when it is inside a component schema (`Component.path`), else null. */
  readonly origin: string | null;
  /** How many locations of this operation reach the same change; `location` is the shortest. */
  readonly occurrences: number;
  readonly message: string;
  /** Facade methods (`agent.create`) served by the operation, from the SDK surface. */
  readonly sdk: readonly string[];
}
