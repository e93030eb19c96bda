import { getSchema } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { PACK_SECTIONS, placeBlocks, sectionRange, transcriptLines } from '../src/features/pack/editor/placement';
import { documentSchema } from '../src/features/pack/editor/schema';

const schema = getSchema(documentSchema({ boardId: 'demo', token: 't' }));
const h = (text: string, level = 2) => schema.nodes.heading!.create({ level }, schema.text(text));
const p = (text = '') => schema.nodes.paragraph!.create(null, text ? schema.text(text) : undefined);
const doc = (...blocks: PMNode[]) => schema.nodes.doc!.create(null, blocks);
const outline = (d: PMNode) => {
  const out: string[] = [];
  d.forEach((n) => out.push(`${n.type.name}:${n.textContent}`));
  return out;
};
const template = () => doc(h('Customer’s own words'), p(), h('Key screenshots'), p(), h('Requirements'), p('x'));

describe('placing inserted blocks', () => {
  it('finds a template section by its heading, up to the next heading of the same level', () => {
    const d = doc(h('Customer’s own words'), p('a'), h('Detail', 3), p('b'), h('Meeting notes'), p('c'));
    const range = sectionRange(d, PACK_SECTIONS.words)!;
    expect(d.slice(range.from, range.to).content.childCount).toBe(3);
    expect(sectionRange(d, PACK_SECTIONS.decisions)).toBeNull();
    expect(sectionRange(doc(h('客户原话'), p('a')), PACK_SECTIONS.words)).not.toBeNull();
  });

  it('puts a transcript under “Customer’s own words”, replacing the template’s empty paragraph', () => {
    const state = EditorState.create({ schema, doc: template() });
    const lines = transcriptLines('Customer: we need QR login\n\n  on phones  \r\nand offline forms');
    expect(lines).toEqual(['Customer: we need QR login', 'on phones', 'and offline forms']);
    const tr = placeBlocks(state, lines.map((l) => p(l)), PACK_SECTIONS.words)!;
    expect(outline(tr.doc).slice(0, 5)).toEqual([
      'heading:Customer’s own words',
      'paragraph:Customer: we need QR login',
      'paragraph:on phones',
      'paragraph:and offline forms',
      'heading:Key screenshots',
    ]);
    // A second paste goes after the first.
    const again = placeBlocks(state.apply(tr), [p('more')], PACK_SECTIONS.words)!;
    expect(outline(again.doc)[4]).toBe('paragraph:more');
  });

  it('puts blocks after the block holding the cursor, or in place of an empty paragraph there', () => {
    const base = EditorState.create({ schema, doc: template() });
    const inRequirements = base.apply(base.tr.setSelection(TextSelection.create(base.doc, base.doc.content.size - 1)));
    expect(outline(placeBlocks(inRequirements, [p('new')], 'cursor')!.doc).slice(-2)).toEqual(['paragraph:x', 'paragraph:new']);
    const inEmpty = base.apply(base.tr.setSelection(TextSelection.create(base.doc, base.doc.child(0).nodeSize + 1)));
    expect(outline(placeBlocks(inEmpty, [p('quote')], 'cursor')!.doc).slice(0, 3)).toEqual(['heading:Customer’s own words', 'paragraph:quote', 'heading:Key screenshots']);
  });

  it('says when the section is missing', () => {
    const state = EditorState.create({ schema, doc: doc(p('free text')) });
    expect(placeBlocks(state, [p('x')], PACK_SECTIONS.words)).toBeNull();
  });
});
