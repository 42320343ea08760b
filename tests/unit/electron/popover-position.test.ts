// Tests where the popover opens on each platform and taskbar layout, always inside the work area.
import { describe, expect, it } from 'vitest';
import {
  popoverPosition,
  taskbarEdge,
  type PlacementInput,
} from '../../../electron/main/platform/popover-position';

const win = { width: 360, height: 520 };
const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const nowhere = { x: 0, y: 0 };

function place(overrides: Partial<PlacementInput>): { x: number; y: number } {
  return popoverPosition({
    platform: 'linux',
    trayBounds: { x: 0, y: 0, width: 0, height: 0 },
    window: win,
    display: { bounds: screen, workArea: screen },
    cursor: nowhere,
    ...overrides,
  });
}

describe('popoverPosition', () => {
  it('macOS: centred under the menu bar icon', () => {
    const p = place({
      platform: 'darwin',
      trayBounds: { x: 1500, y: 0, width: 24, height: 24 },
      display: { bounds: screen, workArea: { x: 0, y: 25, width: 1920, height: 1055 } },
    });
    expect(p).toEqual({ x: 1500 + 12 - 180, y: 25 });
  });

  it('macOS: an icon near the right edge still keeps the popover on screen', () => {
    const p = place({
      platform: 'darwin',
      trayBounds: { x: 1900, y: 0, width: 20, height: 24 },
      display: { bounds: screen, workArea: { x: 0, y: 25, width: 1920, height: 1055 } },
    });
    expect(p).toEqual({ x: 1920 - 360, y: 25 });
  });

  const windows = (
    workArea: PlacementInput['display']['workArea'],
    trayBounds: PlacementInput['trayBounds'],
  ) => place({ platform: 'win32', trayBounds, display: { bounds: screen, workArea } });

  it('Windows, bottom taskbar: above the icon, resting on the taskbar', () => {
    const p = windows({ x: 0, y: 0, width: 1920, height: 1040 }, { x: 1700, y: 1045, width: 24, height: 30 });
    expect(p).toEqual({ x: 1700 + 12 - 180, y: 1040 - 520 });
  });

  it('Windows, top taskbar: below the taskbar', () => {
    const p = windows({ x: 0, y: 40, width: 1920, height: 1040 }, { x: 1700, y: 5, width: 24, height: 30 });
    expect(p).toEqual({ x: 1532, y: 40 });
  });

  it('Windows, left taskbar: beside it, level with the icon', () => {
    const p = windows({ x: 60, y: 0, width: 1860, height: 1080 }, { x: 15, y: 400, width: 30, height: 24 });
    expect(p).toEqual({ x: 60, y: 412 - 260 });
  });

  it('Windows, right taskbar: against it, clamped to the bottom of the work area', () => {
    const p = windows({ x: 0, y: 0, width: 1860, height: 1080 }, { x: 1875, y: 1000, width: 30, height: 24 });
    expect(p).toEqual({ x: 1860 - 360, y: 1080 - 520 });
  });

  it('Linux with tray bounds in a top panel: below the icon', () => {
    const p = place({
      trayBounds: { x: 1800, y: 0, width: 24, height: 28 },
      display: { bounds: screen, workArea: { x: 0, y: 28, width: 1920, height: 1052 } },
    });
    expect(p).toEqual({ x: 1920 - 360, y: 28 });
  });

  it('Linux without tray bounds (0,0,0,0): at the cursor, above it in the bottom half', () => {
    const p = place({
      cursor: { x: 900, y: 1060 },
      display: { bounds: screen, workArea: { x: 0, y: 0, width: 1920, height: 1050 } },
    });
    expect(p).toEqual({ x: 900 - 180, y: 1050 - 520 });
    expect(place({ cursor: { x: 10, y: 5 } })).toEqual({ x: 0, y: 5 });
  });

  it('works on a secondary display left of the primary (negative coordinates)', () => {
    const bounds = { x: -1280, y: 0, width: 1280, height: 1024 };
    const p = place({
      platform: 'win32',
      trayBounds: { x: -40, y: 990, width: 24, height: 30 },
      display: { bounds, workArea: { x: -1280, y: 0, width: 1280, height: 984 } },
    });
    expect(p).toEqual({ x: -360, y: 984 - 520 });
  });
});

describe('taskbarEdge', () => {
  it('reads the edge from where the work area is inset', () => {
    expect(taskbarEdge({ bounds: screen, workArea: { x: 0, y: 0, width: 1920, height: 1040 } })).toBe(
      'bottom',
    );
    expect(taskbarEdge({ bounds: screen, workArea: { x: 0, y: 40, width: 1920, height: 1040 } })).toBe('top');
    expect(taskbarEdge({ bounds: screen, workArea: { x: 48, y: 0, width: 1872, height: 1080 } })).toBe(
      'left',
    );
    expect(taskbarEdge({ bounds: screen, workArea: { x: 0, y: 0, width: 1872, height: 1080 } })).toBe(
      'right',
    );
  });
});
