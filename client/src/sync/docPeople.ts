import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { ValueStore } from '../lib/valueStore';

/** Someone with the document open, as the server vouches for it (it rewrites every awareness `user`). */
export interface DocPerson {
  id: string;
  name: string;
  color: string;
  role: string;
  /** This browser tab. */
  self: boolean;
}

/** Keeps `people` in step with the provider's awareness, one entry per person. Returns a function that stops. */
export function watchPeople(provider: HocuspocusProvider, people: ValueStore<readonly DocPerson[]>): () => void {
  const onAwareness = () => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const found = new Map<string, DocPerson>();
    awareness.getStates().forEach((state, clientId) => {
      const user = (state as { user?: Partial<Record<'id' | 'name' | 'color' | 'role', unknown>> }).user;
      if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return;
      const self = clientId === awareness.clientID;
      const known = found.get(user.id);
      if (known && !self) return;
      found.set(user.id, { id: user.id, name: user.name, color: typeof user.color === 'string' ? user.color : '#94a3b8', role: String(user.role ?? ''), self: self || !!known?.self });
    });
    const next = [...found.values()];
    if (JSON.stringify(next) !== JSON.stringify(people.get())) people.set(next);
  };
  provider.awareness?.on('change', onAwareness);
  return () => provider.awareness?.off('change', onAwareness);
}
