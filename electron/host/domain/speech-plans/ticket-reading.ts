/**
 * A ticket number is read character by character — "A023" is "A, zero, two, three", never
 * "twenty-three" — because customers compare it with the slip in their hand.
 */

export const TICKET_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
export const TICKET_DIGITS = '0123456789'.split('');

// 1–3 letters (service line) then 1–4 digits: the widest format the hall's queue systems issue.
const TICKET_PATTERN = /^([A-Za-z]{1,3})([0-9]{1,4})$/;
const SHORTEST_TICKET = 2;
const LONGEST_TICKET = 7;

export const letterSegment = (letter: string): string => `letter-${letter}`;
export const digitSegment = (digit: string): string => `digit-${digit}`;

/**
 * The segment ids that spell `ticket`. Lower-case letters are accepted (a keyboard with caps lock
 * off is not a different ticket); anything else outside the pattern is refused, not guessed at.
 */
export function readTicket(ticket: string): string[] {
  if (typeof ticket !== 'string') throw new TypeError(`ticket must be a string, got ${typeof ticket}`);
  if (ticket.length < SHORTEST_TICKET || ticket.length > LONGEST_TICKET) {
    throw new RangeError(`ticket must be ${SHORTEST_TICKET}–${LONGEST_TICKET} characters, got ${ticket.length}`);
  }
  const match = TICKET_PATTERN.exec(ticket);
  if (match === null) {
    throw new RangeError(
      `ticket ${JSON.stringify(ticket)} is not 1–3 letters followed by 1–4 digits (e.g. "A023")`,
    );
  }
  const [, letters, digits] = match as unknown as [string, string, string];
  // Upper-cased only after the ASCII check: "ı".toUpperCase() is "I", which must not pass.
  return [...letters.toUpperCase().split('').map(letterSegment), ...digits.split('').map(digitSegment)];
}
