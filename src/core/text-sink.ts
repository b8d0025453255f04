/** A place to write text (process.stdout, or a buffer in tests). */
export interface TextSink {
  write(text: string): unknown;
}
