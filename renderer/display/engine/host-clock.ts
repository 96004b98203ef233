/**
 * The display's view of the host's wall clock. Kiosk PCs drift and some never sync NTP, so the
 * clock and the reports use the host's time: each state carries `serverTime`, and we keep the
 * offset from it (transit delay of a LAN message is well under the minute the clock shows).
 */
export class HostClock {
  private offsetMs = 0;

  constructor(private readonly localNow: () => number = Date.now) {}

  sync(serverTime: number): void {
    if (Number.isFinite(serverTime) && serverTime > 0) this.offsetMs = serverTime - this.localNow();
  }

  /** Host time, epoch ms. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }
}
