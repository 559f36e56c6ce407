/**
 * A failure the domain expects and can name. Every one carries a stable `code` that clients may switch on;
 * the HTTP edge maps each kind to a 4xx status (see functions/api/error-handler.ts). The core knows nothing
 * of HTTP: subclasses say *what* went wrong, the edge decides *how* to answer.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
