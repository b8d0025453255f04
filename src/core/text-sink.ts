/** A place to write text (process.stdout, or a buffer in tests). */
export interface TextSink {
  write(text: string): unknown;
  /** True on a terminal (process.stderr sets it): only then is a progress line drawn. */
  isTTY?: boolean;
}
