// Owns where the popover appears next to the tray icon on each platform (after maxogden/menubar's
// getWindowPosition), always clamped into the display's work area. Pure: recomputed on every show.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

export interface PlacementInput {
  platform: NodeJS.Platform;
  /** The tray icon's bounds; Linux often reports 0,0,0,0. */
  trayBounds: Rect;
  window: { width: number; height: number };
  /** The display the tray is on: full bounds and the work area (bounds minus menu bar / taskbar). */
  display: { bounds: Rect; workArea: Rect };
  cursor: Point;
}

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

/** The taskbar's edge is where the work area stops short of the display. */
export function taskbarEdge({ bounds, workArea }: PlacementInput['display']): TaskbarEdge {
  if (workArea.y > bounds.y) return 'top';
  if (workArea.x > bounds.x) return 'left';
  if (workArea.x + workArea.width < bounds.x + bounds.width) return 'right';
  return 'bottom';
}

export function isEmptyRect(r: Rect): boolean {
  return r.width === 0 && r.height === 0;
}

export function popoverPosition(input: PlacementInput): Point {
  const { trayBounds: tray, window: win, display, cursor } = input;
  const area = display.workArea;
  const anchor = isEmptyRect(tray) ? { x: cursor.x, y: cursor.y, width: 0, height: 0 } : tray;
  const centreX = anchor.x + anchor.width / 2 - win.width / 2;
  const centreY = anchor.y + anchor.height / 2 - win.height / 2;

  let wanted: Point;
  if (input.platform === 'darwin') {
    // Under the icon, flush with the bottom of the menu bar.
    wanted = { x: centreX, y: Math.max(anchor.y + anchor.height, area.y) };
  } else if (input.platform === 'win32') {
    switch (taskbarEdge(display)) {
      case 'top':
        wanted = { x: centreX, y: area.y };
        break;
      case 'left':
        wanted = { x: area.x, y: centreY };
        break;
      case 'right':
        wanted = { x: area.x + area.width - win.width, y: centreY };
        break;
      case 'bottom':
        wanted = { x: centreX, y: area.y + area.height - win.height };
        break;
    }
  } else {
    // Linux panels can be anywhere: open below the anchor in the top half of the screen, above it in the bottom.
    const inTopHalf = anchor.y < area.y + area.height / 2;
    wanted = { x: centreX, y: inTopHalf ? anchor.y + anchor.height : anchor.y - win.height };
  }
  return clamp(wanted, win, area);
}

function clamp(p: Point, win: { width: number; height: number }, area: Rect): Point {
  const x = Math.min(Math.max(p.x, area.x), area.x + area.width - win.width);
  const y = Math.min(Math.max(p.y, area.y), area.y + area.height - win.height);
  return { x: Math.round(x), y: Math.round(y) };
}
