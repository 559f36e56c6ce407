import type { ReactNode } from 'react';

/** One way in (or one identity to link): a card named by its title, a line on what it does, then its control. */
export function SignInMethod({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <section className="card sign-in-method" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      <p className="hint">{hint}</p>
      {children}
    </section>
  );
}
