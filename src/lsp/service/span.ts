/** A range of a document's text in UTF-16 code units (end exclusive), as the service reports ranges. */
export interface Span {
  start: number;
  end: number;
}
