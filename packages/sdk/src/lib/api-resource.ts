/**
 * Base class of the generated resource classes (`class Agent extends APIResource`). A resource holds the
 * client it was created by and nothing else, so resources are cheap and share the client's options.
 */
import type { RequestClient } from '@retell-kit/client/runtime';

export abstract class APIResource<Client extends RequestClient = RequestClient> {
  protected readonly _client: Client;

  constructor(client: Client) {
    this._client = client;
  }
}
