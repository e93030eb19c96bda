import type { Light } from '@baton/shared-types/ydoc';
import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { requirementNodes } from './requirementIds';

export interface RequirementLightsOptions {
  /** The current traffic lights by requirement id (from the review document). */
  lights: () => ReadonlyMap<string, Light>;
  /** "High risk", "Needs clarification", "Ready", "Not rated yet", in the UI language. */
  label: (color: Light['color']) => string;
}

interface LightsState {
  set: DecorationSet;
  /** The requirement briefly highlighted after "show in the pack". */
  flash: string | null;
}

type LightsMeta = { refresh: true } | { flash: string | null };

export const requirementLightsKey = new PluginKey<LightsState>('requirementLights');

function decorate(doc: PMNode, options: RequirementLightsOptions, flash: string | null): DecorationSet {
  const lights = options.lights();
  const seen = new Set<string>();
  const decorations = requirementNodes(doc).map(({ pos, reqId }) => {
    // A repeated id (until its editor gives it a fresh one) is not that requirement's light.
    const first = !!reqId && !seen.has(reqId);
    if (reqId) seen.add(reqId);
    const light = first && reqId ? lights.get(reqId) : undefined;
    const color = light?.color ?? null;
    const label = options.label(color);
    return Decoration.node(pos, pos + (doc.nodeAt(pos)?.nodeSize ?? 0), {
      class: first && reqId === flash ? 'is-flash' : '',
      'data-light': color ?? 'unset',
      'data-light-label': label,
      title: light?.note ? `${label}: ${light.note}` : label,
    });
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows each requirement's traffic light in the text (a coloured bar and label), live from the
 * review document. Only decorations: the pack's text never holds colours, so nothing is written.
 */
export const RequirementLights = Extension.create<RequirementLightsOptions>({
  name: 'requirementLights',

  addOptions() {
    return { lights: () => new Map(), label: (color) => color ?? '' };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<LightsState>({
        key: requirementLightsKey,
        state: {
          init: (_, state) => ({ set: decorate(state.doc, options, null), flash: null }),
          apply: (tr, value, _old, state) => {
            const meta = tr.getMeta(requirementLightsKey) as LightsMeta | undefined;
            const flash = meta && 'flash' in meta ? meta.flash : value.flash;
            return tr.docChanged || meta ? { set: decorate(state.doc, options, flash), flash } : value;
          },
        },
        props: {
          decorations: (state) => requirementLightsKey.getState(state)?.set,
        },
      }),
    ];
  },
});

/** Redraws the lights after the review document changed. */
export function refreshLights(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(requirementLightsKey, { refresh: true } satisfies LightsMeta));
}

/** Scrolls the pack to a requirement and highlights it for a moment (the cursor goes there for writers). */
export function showRequirement(editor: Editor, reqId: string): void {
  const target = requirementNodes(editor.state.doc).find((n) => n.reqId === reqId);
  if (!target || editor.isDestroyed) return;
  const node = editor.state.doc.nodeAt(target.pos);
  const dom = editor.view.nodeDOM(target.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const flash = (id: string | null) => editor.view.dispatch(editor.state.tr.setMeta(requirementLightsKey, { flash: id } satisfies LightsMeta));
  flash(reqId);
  setTimeout(() => {
    if (!editor.isDestroyed && requirementLightsKey.getState(editor.state)?.flash === reqId) flash(null);
  }, 1600);
  if (editor.isEditable && node) editor.chain().setTextSelection(target.pos + 1 + node.content.size).focus(undefined, { scrollIntoView: false }).run();
}
