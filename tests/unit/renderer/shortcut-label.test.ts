// Shortcuts written the way the person's OS writes them; the accelerator Settings keep is unchanged.
import { describe, expect, it } from 'vitest';
import { shortcutLabel, withShortcutLabel } from '../../../renderer/src/lib/shortcut-label';

describe('a shortcut as the OS writes it', () => {
  it('on macOS is symbols, in the order they were pressed: ⌘⇧H', () => {
    expect(shortcutLabel('CommandOrControl+Shift+H', 'mac')).toBe('⌘⇧H');
    expect(shortcutLabel('Command+Control+Option+Shift+K', 'mac')).toBe('⌘⌃⌥⇧K');
    expect(shortcutLabel('Command+Up', 'mac')).toBe('⌘↑');
  });

  it('elsewhere is names joined with +: Ctrl+Shift+H', () => {
    expect(shortcutLabel('CommandOrControl+Shift+H', 'linux')).toBe('Ctrl+Shift+H');
    expect(shortcutLabel('Control+Alt+K', 'windows')).toBe('Ctrl+Alt+K');
    expect(shortcutLabel('Super+Shift+Space', 'windows')).toBe('Win+Shift+Space');
    expect(shortcutLabel('Super+F5', 'linux')).toBe('Super+F5');
  });

  it('keeps the plus key, and keys still held', () => {
    expect(shortcutLabel('Control+Shift++', 'linux')).toBe('Ctrl+Shift++');
    expect(shortcutLabel('Control+Shift+…', 'linux')).toBe('Ctrl+Shift+…');
    expect(shortcutLabel('Command+Shift+…', 'mac')).toBe('⌘⇧…');
  });

  it('rewrites main’s message about a shortcut the same way', () => {
    expect(
      withShortcutLabel(
        'CommandOrControl+Shift+T is already used by another app.',
        'CommandOrControl+Shift+T',
        'mac',
      ),
    ).toBe('⌘⇧T is already used by another app.');
  });
});
