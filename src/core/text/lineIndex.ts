/**
 * Converts UTF-16 offsets to 0-based line/character positions. Lines end as in VS Code (and
 * SARIF): at \r\n, at \n and at a lone \r.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    const re = /\r\n?|\n/g;
    for (let m = re.exec(text); m; m = re.exec(text)) this.starts.push(m.index + m[0].length);
  }

  /** 0-based line and UTF-16 character of an offset. */
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}
