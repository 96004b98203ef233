/** Events per message: a real hall issues a few thousand tickets a day. */
export const MAX_EVENTS_PER_MESSAGE = 10_000;
