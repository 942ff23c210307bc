/** The static table of fact checks, in no particular order (the engine sorts the findings). */
import type { Check } from './check.js';
import { mediaType } from './media-type.js';
import { operationDeprecation } from './operation-deprecation.js';
import { operationDocs } from './operation-docs.js';
import { operationId } from './operation-id.js';
import { operationPresence } from './operation-presence.js';
import { parameterDeprecation } from './parameter-deprecation.js';
import { parameterPresence } from './parameter-presence.js';
import { parameterRequired } from './parameter-required.js';
import { parameterSerialization } from './parameter-serialization.js';
import { pathTemplate } from './path-template.js';
import { propertyPresence } from './property-presence.js';
import { propertyRequired } from './property-required.js';
import { requestBody } from './request-body.js';
import { responseHeaders } from './response-headers.js';
import { responseStatus } from './response-status.js';
import { schemaAdditionalProperties } from './schema-additional-properties.js';
import { schemaBounds } from './schema-bounds.js';
import { schemaDefault } from './schema-default.js';
import { schemaDeprecation } from './schema-deprecation.js';
import { schemaDiscriminator } from './schema-discriminator.js';
import { schemaDocs } from './schema-docs.js';
import { schemaEnum } from './schema-enum.js';
import { schemaFormat } from './schema-format.js';
import { schemaItems } from './schema-items.js';
import { schemaNullable } from './schema-nullable.js';
import { schemaPattern } from './schema-pattern.js';
import { schemaType } from './schema-type.js';
import { schemaUnion } from './schema-union.js';
import { sdkNames } from './sdk-names.js';
import { security } from './security.js';
import { securitySchemes } from './security-schemes.js';
import { servers } from './servers.js';

export const CHECKS: readonly Check[] = [
  operationPresence,
  operationDeprecation,
  operationId,
  operationDocs,
  pathTemplate,
  parameterPresence,
  parameterRequired,
  parameterDeprecation,
  parameterSerialization,
  requestBody,
  mediaType,
  responseStatus,
  responseHeaders,
  security,
  propertyPresence,
  propertyRequired,
  schemaDeprecation,
  schemaType,
  schemaNullable,
  schemaEnum,
  schemaUnion,
  schemaBounds,
  schemaPattern,
  schemaFormat,
  schemaAdditionalProperties,
  schemaDefault,
  schemaItems,
  schemaDiscriminator,
  schemaDocs,
  securitySchemes,
  servers,
  sdkNames,
];
