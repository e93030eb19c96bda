import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasTemplate, listRequirements, packContent, packTemplate, writePackTemplate } from './packDoc';
import { isSectionFilled, missingPlanSections, planContent, writePlanTemplate } from './planDoc';
import { countLights, readLights, setLight } from './reviewDoc';
import { findElements, NODES, toXml } from './richText';

const card = { customer: 'Yangtze Freight', contactName: 'Wang Fang', decisionMaker: 'CFO Lee', needSummary: 'Phone QR-code login for drivers' };
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('the handoff pack document', () => {
  it('gets its template once, with the customer’s words, the decision chain and a first requirement', () => {
    const doc = new Y.Doc();
    expect(writePackTemplate(doc, packTemplate(card, newId))).toBe(true);
    expect(writePackTemplate(doc, packTemplate(card, newId))).toBe(false);
    expect(hasTemplate(doc)).toBe(true);
    const rows = findElements(packContent(doc), NODES.decisionRow).map((r) => [r.getAttribute('role'), r.getAttribute('name')]);
    expect(rows).toEqual([
      ['decides', 'CFO Lee'],
      ['influences', 'Wang Fang'],
      ['signs', ''],
    ]);
    expect(listRequirements(doc)).toEqual([{ reqId: expect.any(String), text: 'Phone QR-code login for drivers' }]);
  });

  it('counts a requirement id that appears twice (a split or copied item) once', () => {
    const doc = new Y.Doc();
    const content = packContent(doc);
    content.insert(0, toXml([
      { node: NODES.requirement, attrs: { reqId: 'r1' }, text: 'SSO' },
      { node: NODES.requirement, attrs: { reqId: 'r1' }, text: 'copied SSO' },
      { node: NODES.requirement, attrs: { reqId: 'r2' }, text: 'Offline forms' },
    ]));
    expect(listRequirements(doc).map((r) => r.reqId)).toEqual(['r1', 'r2']);
  });
});

describe('traffic lights', () => {
  it('count colours over the current requirements only', () => {
    const doc = new Y.Doc();
    setLight(doc, 'r1', { color: 'red', note: 'No SSO vendor yet' });
    setLight(doc, 'r2', { color: 'green' });
    setLight(doc, 'gone', { color: 'red' });
    const reqs = [{ reqId: 'r1', text: '' }, { reqId: 'r2', text: '' }, { reqId: 'r3', text: '' }];
    expect(countLights(reqs, readLights(doc))).toEqual({ red: 1, yellow: 0, green: 1, unset: 1 });
  });

  it('keep both colours when two people colour different requirements at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setLight(a, 'r1', { color: 'red' });
    setLight(b, 'r2', { color: 'yellow' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const d of [a, b]) expect([...readLights(d)].map(([id, l]) => [id, l.color]).sort()).toEqual([['r1', 'red'], ['r2', 'yellow']]);
  });
});

describe('the delivery plan', () => {
  it('is not a plan until modules, dependencies and schedule are filled', () => {
    const doc = new Y.Doc();
    writePlanTemplate(doc);
    expect(missingPlanSections(doc)).toEqual(['modules', 'dependencies', 'schedule']);
    const content = planContent(doc);
    const fill = (index: number, text: string) => {
      const para = content.get(index) as Y.XmlElement;
      para.insert(0, [new Y.XmlText(text)]);
    };
    fill(1, 'Auth service, driver app, admin console');
    fill(3, 'SSO vendor contract; MDM rollout on driver phones');
    expect(missingPlanSections(doc)).toEqual(['schedule']);
    fill(5, 'Sprint 1 auth, sprint 2 app, pilot in week 6');
    expect(missingPlanSections(doc)).toEqual([]);
  });

  it.each<[string, boolean]>([
    ['Received, will schedule', false],
    ['收到，稍后安排', false],
    ['ok', false],
    ['Auth service, driver app and admin console', true],
    ['Received the spec. Modules: auth service with QR login, driver app, admin console, reporting.', true],
  ])('"%s" counts as a filled section: %s', (text, filled) => {
    expect(isSectionFilled(text)).toBe(filled);
  });
});
