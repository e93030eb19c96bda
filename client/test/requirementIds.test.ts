import { getSchema } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../src/features/pack/editor/schema';
import { requirementIdFixes, requirementIdsPlugin, requirementNodes } from '../src/features/pack/editor/requirementIds';

const schema = getSchema(documentSchema({ boardId: 'demo', token: 't' }));
const req = (reqId: string | null, text: string) => schema.nodes.requirement!.create({ reqId }, text ? schema.text(text) : undefined);
const para = (text: string) => schema.nodes.paragraph!.create(null, text ? schema.text(text) : undefined);
const doc = (...blocks: PMNode[]) => schema.nodes.doc!.create(null, blocks);
const ids = (d: PMNode) => requirementNodes(d).map((n) => n.reqId);
const texts = (d: PMNode) => requirementNodes(d).map((n) => d.nodeAt(n.pos)?.textContent);

function editorState(d: PMNode, editable = true) {
  let n = 0;
  return EditorState.create({ schema, doc: d, plugins: [requirementIdsPlugin({ newId: () => `fresh-${++n}`, isEditable: () => editable })] });
}

/** Applies a transaction the way the editor does (appended transactions included). */
const apply = (state: EditorState, build: (s: EditorState) => ReturnType<EditorState['tr']['split']>) => state.applyTransaction(build(state)).state;

describe('requirement ids', () => {
  it('gives a fresh id to a requirement without one and to every repeat but the first', () => {
    let n = 0;
    const fixes = requirementIdFixes(doc(req('a', 'SSO'), req(null, 'QR login'), req('a', 'SSO copy'), req('b', 'Offline')), () => `new-${++n}`);
    expect(fixes.map((f) => f.reqId)).toEqual(['new-1', 'new-2']);
    expect(fixes).toHaveLength(2);
  });

  it('splitting a requirement with Enter in the middle keeps the id on the first half only', () => {
    const start = editorState(doc(para('Requirements'), req('r1', 'Login with QR code on phones')));
    const inside = 1 + para('Requirements').nodeSize + 'Login with QR code'.length;
    const split = apply(start, (s) => s.tr.split(inside, 1));
    expect(texts(split.doc)).toEqual(['Login with QR code', ' on phones']);
    expect(ids(split.doc)).toEqual(['r1', 'fresh-1']);
  });

  it('a copy pasted above the original gets the new id; the original keeps its own (and its colour)', () => {
    const original = req('r1', 'Offline forms');
    const start = editorState(doc(para('Notes'), original));
    const pasted = apply(start, (s) => s.tr.insert(para('Notes').nodeSize, original.copy(original.content)));
    expect(ids(pasted.doc)).toEqual(['fresh-1', 'r1']);
    const second = pasted.doc.child(2);
    expect(second.attrs.reqId).toBe('r1');
  });

  it('a copy pasted below gets the new id, and several pasted copies get one each', () => {
    const original = req('r1', 'Offline forms');
    const start = editorState(doc(original));
    const end = start.doc.content.size;
    const pasted = apply(start, (s) => s.tr.insert(end, [original.copy(original.content), original.copy(original.content)]));
    expect(ids(pasted.doc)).toEqual(['r1', 'fresh-1', 'fresh-2']);
  });

  it('leaves a read-only editor’s document alone', () => {
    const start = editorState(doc(req('r1', 'A')), false);
    const after = apply(start, (s) => s.tr.insert(s.doc.content.size, req('r1', 'A')));
    expect(ids(after.doc)).toEqual(['r1', 'r1']);
  });

  it('leaves remote changes to their author’s editor', () => {
    const start = editorState(doc(req('r1', 'A')));
    const after = apply(start, (s) => s.tr.insert(s.doc.content.size, req('r1', 'A')).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(ids(after.doc)).toEqual(['r1', 'r1']);
  });

  it('does not touch a document whose ids are already unique', () => {
    const start = editorState(doc(req('r1', 'A'), req('r2', 'B')));
    const after = apply(start, (s) => s.tr.insertText('!', 2));
    expect(after.doc.child(0).textContent).toBe('A!');
    expect(ids(after.doc)).toEqual(['r1', 'r2']);
  });
});
