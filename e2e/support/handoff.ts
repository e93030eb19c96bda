import type { Locator, Page } from 'playwright-core';

export type DocKind = 'pack' | 'plan';

/** The little of tiptap and Yjs the console tricks below touch (types only; the objects live in the page). */
interface YTextLike {
  insert(index: number, text: string): void;
}
interface YNodeLike {
  nodeName?: string;
  length: number;
  get(index: number): YTextLike;
}
interface YDocLike {
  on(event: 'update', listener: () => void): void;
  getXmlFragment(name: string): { forEach(f: (node: YNodeLike) => void): void };
}
interface EditorLike {
  view: { dispatch(tr: unknown): void };
  state: { tr: { insertText(text: string, pos: number): unknown } };
  extensionManager: { extensions: Array<{ name: string; options: { document?: YDocLike } }> };
}
type EditorElement = HTMLElement & { editor?: EditorLike };

/** The editor of a handoff document (`pack-editor` / `plan-editor`). */
export const editorOf = (page: Page, kind: DocKind): Locator => page.getByTestId(`${kind}-editor`);

/** Waits until the document is in and the server has said how this user may use it. */
export async function waitForDoc(page: Page, kind: DocKind, scope: 'read-write' | 'readonly', timeout = 10_000): Promise<void> {
  await page.locator(`[data-testid="${kind}-surface"][data-scope="${scope}"][aria-busy="false"]`).waitFor({ timeout });
}

/** Opens a deal's pack or plan page by its address (the session survives the reload). */
export async function openPackPage(page: Page, baseUrl: string, cardId: string, tab: DocKind): Promise<void> {
  await page.goto(`${baseUrl}/boards/demo/cards/${cardId}/${tab}`);
}

/** The card id of a card element (`data-testid="card-<id>"`). */
export async function cardIdOf(card: Locator): Promise<string> {
  return ((await card.getAttribute('data-testid')) ?? '').replace(/^card-/, '');
}

/** The paragraph right under a heading of the document, to click into. */
export const paragraphUnder = (page: Page, kind: DocKind, heading: string): Locator =>
  editorOf(page, kind).locator('h2', { hasText: heading }).locator('xpath=following-sibling::*[1]');

/**
 * Counts the Y.Doc updates of a document from now on (local or remote), found through the
 * editor the way anyone could from the console: `.ProseMirror` element -> tiptap editor ->
 * Collaboration's document.
 */
export async function countDocUpdates(page: Page, kind: DocKind): Promise<void> {
  await page.evaluate((testId) => {
    const el = document.querySelector<EditorElement>(`[data-testid="${testId}"]`);
    const doc = el?.editor?.extensionManager.extensions.find((e) => e.name === 'collaboration')?.options.document;
    if (!doc) throw new Error('no collaborative document behind the editor');
    const w = window as unknown as { __docUpdates: number };
    w.__docUpdates = 0;
    doc.on('update', () => w.__docUpdates++);
  }, `${kind}-editor`);
}

export const docUpdates = (page: Page) => page.evaluate(() => (window as unknown as { __docUpdates: number }).__docUpdates);

/**
 * What a hostile reader can do from the console: write through the editor (its view dispatches
 * even when not editable) and straight into the shared Y.Doc. Both edits land in the local copy
 * and are sent to the server, which must drop them.
 */
export async function forceWrite(page: Page, kind: DocKind, marker: string): Promise<void> {
  await page.evaluate(
    ({ testId, marker: text }) => {
      const editor = document.querySelector<EditorElement>(`[data-testid="${testId}"]`)?.editor;
      if (!editor) throw new Error('no editor');
      editor.view.dispatch(editor.state.tr.insertText(`${text} (through the editor)`, 1));
      const doc = editor.extensionManager.extensions.find((e) => e.name === 'collaboration')?.options.document;
      if (!doc) throw new Error('no collaborative document behind the editor');
      let target: YTextLike | null = null;
      doc.getXmlFragment('content').forEach((node) => {
        if (!target && node.nodeName === 'paragraph' && node.length > 0) target = node.get(0);
      });
      const text0 = target as YTextLike | null;
      if (!text0) throw new Error('no text to write into');
      text0.insert(0, `${text} (into the Y.Doc) `);
    },
    { testId: `${kind}-editor`, marker },
  );
}

/** Records whether `text` ever shows in an element from now on (not only at the end). */
export async function watchFor(page: Page, testId: string, text: string): Promise<() => Promise<boolean>> {
  await page.evaluate(
    ({ id, needle }) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (!el) throw new Error(`no ${id}`);
      const w = window as unknown as { __seen: boolean };
      w.__seen = (el.textContent ?? '').includes(needle);
      new MutationObserver(() => {
        if ((el.textContent ?? '').includes(needle)) w.__seen = true;
      }).observe(el, { subtree: true, childList: true, characterData: true });
    },
    { id: testId, needle: text },
  );
  return () => page.evaluate(() => (window as unknown as { __seen: boolean }).__seen);
}
