/**
 * Why the player could not listen, as one line with the fix; null for a failure this does not
 * know, which is then a bug to report in full.
 */
import { StartupError } from './cli-errors.js';

export function listenProblem(error: NodeJS.ErrnoException, at: { bindAddress: string; port: number }): StartupError | null {
  const where = `${at.bindAddress.includes(':') ? `[${at.bindAddress}]` : at.bindAddress}:${at.port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError(`cannot listen on ${where}: the port is in use (another hallcast, or another server): stop it, or give another --port`);
    case 'EACCES':
      return new StartupError(`cannot listen on ${where}: ports below 1024 need root: give --port 1024 or above, e.g. 8080`);
    case 'EADDRNOTAVAIL':
      return new StartupError(`cannot listen on ${where}: --host ${at.bindAddress} is not an address of this machine (ip -brief address lists them)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartupError(`cannot listen on ${where}: --host ${at.bindAddress} names no address (give an IP address, e.g. 0.0.0.0 or 127.0.0.1)`);
    default:
      return null;
  }
}
