/** The error of a template file that cannot be used. */
import { UserError } from '../exit-codes.js';

/**
 * A template that cannot be used, with the file and tag at fault. A user error (exit 2): the
 * operator fixes the file; nothing was sent.
 */
export class TemplateError extends UserError {
  constructor(
    readonly file: string,
    readonly tag: string,
    reason: string,
  ) {
    super(`${file}: ${reason} ${tag}`.trimEnd());
  }
}
