/**
 * What the page shows when the app cannot start (no session token, a web host restarted with a
 * new one, a host that does not answer): the app's frame and words are not there yet, so this
 * stands alone, worded by the caller in the browser's language. Trying again reloads the page:
 * a host started again in the meantime is found.
 */
export function StartFailureScreen({
  title,
  message,
  retry,
}: {
  title: string;
  message: string;
  retry: string;
}) {
  return (
    <main className="start-failure">
      <section className="start-failure-card" role="alert" aria-labelledby="start-failure-title">
        <span className="brand-mark" aria-hidden="true">
          K
        </span>
        <h1 id="start-failure-title">{title}</h1>
        <p>{message}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {retry}
        </button>
      </section>
    </main>
  );
}
