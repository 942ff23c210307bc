/** naming.ts, table-driven: casing, reserved words, odd identifiers and collisions. */
import { describe, expect, it } from 'vitest';
import { camelCase, kebabCase, methodName, NameScope, pascalCase, propertyKey, resourceProperty, typeName, valueName } from '../../generator/src/ir/naming.js';

describe('naming', () => {
  it.each([
    ['create-agent', 'createAgent'],
    ['agent_id', 'agentId'],
    ['repos/get', 'reposGet'],
    ['LLMList', 'llmList'],
    ['GetUser', 'getUser'],
    ['page[size]', 'pageSize'],
  ])('camelCase(%j) = %j', (given, want) => expect(camelCase(given)).toBe(want));

  it.each([
    ['create-agent', 'CreateAgent'],
    ['AgentResponse', 'AgentResponse'],
    ['simple-user', 'SimpleUser'],
  ])('pascalCase(%j) = %j', (given, want) => expect(pascalCase(given)).toBe(want));

  it.each([
    ['delete', 'delete_'],
    ['createSMSChat', 'createSMSChat'],
    ['123go', '_123go'],
    ['foo-bar', 'fooBar'],
    ['', '_'],
  ])('valueName(%j) = %j', (given, want) => expect(valueName(given)).toBe(want));

  it.each([
    ['class', 'Class'],
    ['Response', 'ResponseSchema'],
    ['APIError', 'APIErrorSchema'],
    ['string', 'StringSchema'],
    ['123abc', '_123abc'],
    ['my-type', 'MyType'],
  ])('typeName(%j) = %j', (given, want) => expect(typeName(given)).toBe(want));

  it.each([
    ['delete', 'delete'],
    ['constructor', 'constructor_'],
    ['getMcpTools', 'getMcpTools'],
    ['list-all', 'listAll'],
  ])('methodName(%j) = %j (reserved words are fine as methods)', (given, want) => expect(methodName(given)).toBe(want));

  it.each([
    ['chatAgent', 'chatAgent'],
    ['request', 'requestResource'],
    ['withOptions', 'withOptionsResource'],
  ])('resourceProperty(%j) = %j', (given, want) => expect(resourceProperty(given)).toBe(want));

  it.each([
    ['chatAgent', 'chat-agent'],
    ['conversationFlowComponent', 'conversation-flow-component'],
  ])('kebabCase(%j) = %j', (given, want) => expect(kebabCase(given)).toBe(want));

  it.each([
    ['agent_id', 'agent_id'],
    ['with space', '"with space"'],
    ['page[size]', '"page[size]"'],
  ])('propertyKey(%j) = %j', (given, want) => expect(propertyKey(given)).toBe(want));

  it('NameScope gives later claimants 2, 3, ... and respects reserved names', () => {
    const scope = new NameScope(['createClient']);
    expect([scope.claim('fooBar'), scope.claim('fooBar'), scope.claim('fooBar'), scope.claim('createClient')]).toEqual([
      'fooBar',
      'fooBar2',
      'fooBar3',
      'createClient2',
    ]);
  });
});
