/** A route's answer before it is sent, so two routes can share one decision. */
export interface Answer {
  status: number;
  body: unknown;
}
