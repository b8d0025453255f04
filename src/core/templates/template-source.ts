/** A template source and the file it came from (for messages). */
export interface TemplateSource {
  file: string;
  source: string;
}
