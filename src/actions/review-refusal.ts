/** Why review mode refuses something (shown to the operator). */
export class ReviewRefusal extends Error {
  /** Construct with the action refused. */
  constructor(action: string) {
    super(`review mode: ${action} is not allowed (nothing can be sent or changed)`);
    this.name = 'ReviewRefusal';
  }
}

/** A service method that review mode refuses: it rejects with a ReviewRefusal naming `action`. */
export function refusing(action: string): () => Promise<never> {
  return () => Promise.reject(new ReviewRefusal(action));
}
