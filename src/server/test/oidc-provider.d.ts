// oidc-provider ships no types (and @types/oidc-provider is not a dependency): the little the SSO test uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Account = { accountId: string; claims(): Promise<Record<string, unknown>> };

  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        findAccount(context: unknown, sub: string): Promise<Account | undefined>;
        claims?: Record<string, string[]>;
        pkce?: { required(): boolean };
        features?: Record<string, { enabled: boolean }>;
        cookies?: { keys: string[] };
        ttl?: Record<string, number>;
      },
    );
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
