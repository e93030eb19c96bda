/**
 * Every change the load generator makes carries a nonce in the card's `nextStep` text
 * (`#BN#000000042`). Clients find it by scanning the raw frames they receive, the same way
 * for every peer, so "seen" means "the frame carrying the change arrived at this client".
 */
const MARK = Buffer.from('#BN#');
const DIGITS = 9;

export const nonceText = (nonce: number) => `moved ${MARK.toString()}${String(nonce).padStart(DIGITS, '0')}`;

/** Calls `found` for each nonce in the frame. */
export function scanNonces(frame: Buffer, found: (nonce: number) => void): void {
  let at = frame.indexOf(MARK);
  while (at >= 0) {
    let n = 0;
    let ok = at + MARK.length + DIGITS <= frame.length;
    for (let k = 0; ok && k < DIGITS; k++) {
      const c = frame[at + MARK.length + k] as number;
      if (c < 48 || c > 57) ok = false;
      else n = n * 10 + (c - 48);
    }
    if (ok) found(n);
    at = frame.indexOf(MARK, at + MARK.length);
  }
}
