import { describe, expect, it } from 'vitest';
import { customerPath, packPath, parseRoute, settingsPath, stagesPath, standupPath } from '../src/lib/router';

describe('the app routes', () => {
  it('reads the board and the stage editor from the address', () => {
    expect(parseRoute('/')).toEqual({ name: 'board', boardId: null });
    expect(parseRoute('/?board=demo')).toEqual({ name: 'board', boardId: 'demo' });
    expect(parseRoute('/boards/demo')).toEqual({ name: 'board', boardId: 'demo' });
    expect(parseRoute(stagesPath('demo'))).toEqual({ name: 'stages', boardId: 'demo' });
    expect(parseRoute('/boards/demo/stages/')).toEqual({ name: 'stages', boardId: 'demo' });
    expect(parseRoute('/boards/demo/other')).toEqual({ name: 'board', boardId: null });
  });

  it('reads the standup and the board settings from the address', () => {
    expect(parseRoute(standupPath('demo'))).toEqual({ name: 'standup', boardId: 'demo' });
    expect(parseRoute('/boards/east%20coast/standup/')).toEqual({ name: 'standup', boardId: 'east coast' });
    expect(parseRoute(settingsPath('demo'))).toEqual({ name: 'settings', boardId: 'demo' });
  });

  it('reads a deal’s handoff pack and plan tab, and a customer page, from the address', () => {
    const cardId = '6f1c2a9e-1111-4222-8333-444455556666';
    expect(parseRoute(packPath('demo', cardId))).toEqual({ name: 'pack', boardId: 'demo', cardId, tab: 'pack' });
    expect(parseRoute(packPath('demo', cardId, 'plan'))).toEqual({ name: 'pack', boardId: 'demo', cardId, tab: 'plan' });
    expect(parseRoute(customerPath('demo', 'Jiangsu Steel Works / 江苏'))).toEqual({ name: 'customer', boardId: 'demo', customer: 'Jiangsu Steel Works / 江苏' });
    expect(parseRoute('/boards/demo/customers/100%25%20Foods')).toEqual({ name: 'customer', boardId: 'demo', customer: '100% Foods' });
    // A malformed escape does not throw; the page then says the customer has no deals.
    expect(parseRoute('/boards/demo/customers/%E0%A4%A')).toEqual({ name: 'customer', boardId: 'demo', customer: '%E0%A4%A' });
  });
});
