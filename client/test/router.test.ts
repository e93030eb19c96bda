import { describe, expect, it } from 'vitest';
import { parseRoute, stagesPath } from '../src/lib/router';

describe('the app routes', () => {
  it('reads the board and the stage editor from the address', () => {
    expect(parseRoute('/')).toEqual({ name: 'board', boardId: null });
    expect(parseRoute('/?board=demo')).toEqual({ name: 'board', boardId: 'demo' });
    expect(parseRoute('/boards/demo')).toEqual({ name: 'board', boardId: 'demo' });
    expect(parseRoute(stagesPath('demo'))).toEqual({ name: 'stages', boardId: 'demo' });
    expect(parseRoute('/boards/demo/stages/')).toEqual({ name: 'stages', boardId: 'demo' });
    expect(parseRoute('/boards/demo/other')).toEqual({ name: 'board', boardId: null });
  });
});
