// Owns showing what went wrong: one role="alert" element, present only while there is something to say.
export function Alert({ messages }: { messages: readonly (string | null | undefined)[] }) {
  const shown = [...new Set(messages.filter((m): m is string => Boolean(m)))];
  if (shown.length === 0) return null;
  return (
    <div role="alert" className="alert">
      {shown.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
