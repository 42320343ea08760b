// Owns how a name shows the letters that matched what the person typed: each matched run in a <mark>, built as
// elements (never as HTML), so a name can't inject markup.
import { markedParts } from '../lib/match';

export function Marked({ text, ranges }: { text: string; ranges: number[] | undefined }) {
  if (!ranges?.length) return <>{text}</>;
  return (
    <>
      {markedParts(text, ranges).map((part, i) =>
        part.matched ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
