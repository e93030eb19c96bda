import { describe, expect, it } from 'vitest';
import type { Role } from '../model/roles';
import { docRight } from './documents';

describe('who may write which document', () => {
  it.each<['pack' | 'review' | 'plan' | 'board', Role, boolean, 'write' | 'read']>([
    ['pack', 'sales', true, 'write'],
    ['pack', 'sales', false, 'read'],
    ['pack', 'manager', false, 'write'],
    ['pack', 'product', false, 'write'],
    ['pack', 'delivery', false, 'write'],
    ['pack', 'ops', false, 'read'],
    ['pack', 'admin', false, 'read'],
    ['review', 'product', false, 'write'],
    ['review', 'sales', true, 'read'],
    ['review', 'manager', false, 'read'],
    ['review', 'delivery', false, 'read'],
    ['plan', 'delivery', false, 'write'],
    ['plan', 'sales', true, 'read'],
    ['plan', 'product', false, 'read'],
    ['board', 'admin', false, 'read'],
    ['board', 'sales', true, 'read'],
  ])('%s for %s (owner: %s) is %s', (kind, role, owner, right) => {
    expect(docRight(kind, role, owner)).toBe(right);
  });
});
