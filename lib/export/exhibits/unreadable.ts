export type UnreadableReason = 'encrypted' | 'corrupt' | 'undecodable' | 'encoding' | 'empty' | 'unsupported' | 'tooLarge';

/**
 * Thrown by an exhibit reader when a file cannot be typeset. The bundle catches it and prints a
 * placeholder page giving `reason`; the original file still goes into the ZIP unchanged.
 */
export class UnreadableExhibit extends Error {
  constructor(
    readonly reason: UnreadableReason,
    detail?: string,
  ) {
    super(detail ? `Unreadable exhibit (${reason}): ${detail}` : `Unreadable exhibit (${reason})`);
    this.name = 'UnreadableExhibit';
  }
}
