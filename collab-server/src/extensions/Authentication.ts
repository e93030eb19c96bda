import { parseDocName } from '@baton/shared-types';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { Authenticator } from '../auth/authenticator';
import type { Directory } from '../boards/directory';
import type { ConnectionContext } from './context';

/** Thrown to Hocuspocus; its `reason` reaches the provider's `authenticationFailed` event. */
class Denied extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Every connection must carry a valid token and be a member of the board the document
 * belongs to. The board document is read-only for every client: it changes only through
 * commands, so Hocuspocus drops any update a client sends to it.
 */
export class Authentication implements Extension {
  readonly extensionName = 'baton-authentication';
  readonly priority = 1000;

  constructor(
    private readonly auth: Authenticator,
    private readonly directory: Directory,
  ) {}

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<ConnectionContext> {
    const doc = parseDocName(documentName);
    if (!doc || doc.kind !== 'board') throw new Denied('unknown-document');
    const user = await this.auth.authenticate(token);
    if (!user.ok) throw new Denied(user.error.details?.token === 'expired' ? 'token-expired' : 'invalid-token');
    const role = await this.directory.roleOn(doc.boardId, user.value.id);
    if (!role) throw new Denied('not-a-member');
    connectionConfig.readOnly = true;
    return { user: user.value, role, boardId: doc.boardId, docKind: doc.kind };
  }
}
