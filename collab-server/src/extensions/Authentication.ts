import type { Store } from '@baton/persistence';
import { ACKS_IN_UPDATES, docRight, parseDocName } from '@baton/shared-types';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { Authenticator } from '../auth/authenticator';
import type { Directory } from '../boards/directory';
import type { DocAccess } from '../boards/docAccess';
import type { ConnectionContext } from './context';

/** Thrown to Hocuspocus; its `reason` reaches the provider's `authenticationFailed` event. */
class Denied extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Every connection must carry a valid token and be a member of the board the document
 * belongs to (a card document belongs to its card's board). Whether the connection may write
 * comes from DOC_RIGHTS: the board document is read-only for every client (it changes only
 * through commands), the pack is written by the deal's owner, managers, product and delivery,
 * the review by product, the plan by delivery. Hocuspocus drops updates on read-only
 * connections, so a forbidden write is never applied, stored or broadcast.
 */
export class Authentication implements Extension {
  readonly extensionName = 'baton-authentication';
  readonly priority = 1000;

  constructor(
    private readonly auth: Authenticator,
    private readonly directory: Directory,
    private readonly store: Store,
    private readonly docs: DocAccess,
  ) {}

  async onAuthenticate({ token, documentName, connectionConfig, requestParameters }: onAuthenticatePayload): Promise<ConnectionContext> {
    const doc = parseDocName(documentName);
    if (!doc) throw new Denied('unknown-document');
    const user = await this.auth.authenticate(token);
    if (!user.ok) throw new Denied(user.error.details?.token === 'expired' ? 'token-expired' : 'invalid-token');
    const boardId = doc.kind === 'board' ? doc.boardId : await this.store.boardOfCard(doc.cardId);
    if (!boardId) throw new Denied('unknown-document');
    const role = await this.directory.roleOn(boardId, user.value.id);
    if (!role) throw new Denied('not-a-member');
    let ownsCard = false;
    if (doc.kind !== 'board') {
      const card = await this.docs.readCard(boardId, doc.cardId);
      if (!card) throw new Denied('unknown-document');
      ownsCard = card.ownerId === user.value.id;
    }
    connectionConfig.readOnly = docRight(doc.kind, role, ownsCard) !== 'write';
    const acksInUpdates = doc.kind === 'board' && requestParameters.get(ACKS_IN_UPDATES.param) === ACKS_IN_UPDATES.value;
    return { user: user.value, role, boardId, docKind: doc.kind, acksInUpdates };
  }
}
