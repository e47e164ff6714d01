/** A refused export or import: the message, then one line per problem the server listed. */
export function ErrorDetails({ message, details, suffix }: { message: string; details: readonly string[]; suffix?: string }) {
  return (
    <div className="alert alert--error" role="alert">
      <strong>{message}</strong>
      {suffix ? ` ${suffix}` : null}
      {details.length > 0 ? (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
