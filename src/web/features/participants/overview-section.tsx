import { type ReactNode, useId } from 'react';

/** One part of the overview: a heading under the page's h1, what there is to say, and where to read more. */
export function OverviewSection({
  heading,
  link,
  children,
}: {
  heading: string;
  link?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="panel overview-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <div className="overview-section-body">{children}</div>
      {link ? <p className="overview-section-link">{link}</p> : null}
    </section>
  );
}
