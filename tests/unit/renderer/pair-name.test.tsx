// @vitest-environment jsdom
// A pair's name where room is short: the whole name on hover and to screen readers, the client laid out last so it
// is what drops out of sight first, and no client part at all for a pair without one.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PairName } from '../../../renderer/src/components/PairName';
import { pairLabel } from '../../../renderer/src/lib/pair-label';

afterEach(cleanup);

const pair = { clientName: 'Umbrella Health', projectName: 'Patient Portal', taskName: 'Development' };

describe('a pair name', () => {
  it('is named in full as one line', () => {
    expect(pairLabel(pair)).toBe('Umbrella Health — Patient Portal — Development');
    expect(pairLabel({ ...pair, clientName: '' })).toBe('Patient Portal — Development');
  });

  it('shows its full name on hover and reads all three parts', () => {
    render(<PairName pair={pair} />);
    const name = screen.getByTitle('Umbrella Health — Patient Portal — Development');
    expect(name).toHaveTextContent('Patient Portal');
    expect(name).toHaveTextContent('Development');
    expect(name).toHaveTextContent('Umbrella Health');
  });

  it('puts the client last in the line, the part that wraps out of sight first', () => {
    render(<PairName pair={pair} />);
    const name = screen.getByTitle(pairLabel(pair));
    expect(name.lastElementChild).toHaveTextContent('Umbrella Health');
    expect(name.lastElementChild).toHaveClass('pair-client');
  });

  it('has no client part for a pair without a client', () => {
    render(<PairName pair={{ ...pair, clientName: '' }} />);
    expect(screen.getByTitle('Patient Portal — Development').querySelector('.pair-client')).toBeNull();
  });
});
