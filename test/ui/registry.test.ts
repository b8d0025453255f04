/**
 * The screen registry holds together: every command a screen handles has a key in the table,
 * every scope is declared once, and no two bindings of one scope share a key (one would never fire).
 */
import { describe, expect, it } from 'vitest';
import { KEY_TABLE, SCREEN_REGISTRY } from '../../src/ui/screens/registry.js';

describe('the screen registry', () => {
  it.each(SCREEN_REGISTRY.map((s) => [s.id, s] as const))('%s handles only commands the key table binds', (_id, screen) => {
    const bound = new Set(KEY_TABLE.bindings.map((b) => b.command));
    const handled = screen.handlers.flatMap((map) => Object.keys(map));
    expect(handled.filter((command) => !bound.has(command))).toEqual([]);
  });

  it('declares each screen id and each key scope once', () => {
    const ids = SCREEN_REGISTRY.map((s) => s.id);
    const scopes = KEY_TABLE.scopes.map((s) => s.scope);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(scopes).size).toBe(scopes.length);
  });

  it('gives no key two meanings within one scope', () => {
    const clashes: string[] = [];
    for (const { scope } of KEY_TABLE.scopes) {
      const seen = new Map<string, string>();
      for (const binding of KEY_TABLE.bindings.filter((b) => b.scope === scope)) {
        for (const key of [...(binding.chars ?? []), ...(binding.special ?? [])]) {
          const other = seen.get(key);
          if (other !== undefined) clashes.push(`${scope}: ${key} is ${other} and ${binding.command}`);
          seen.set(key, binding.command);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
