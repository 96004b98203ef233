/**
 * A file inside a packed Electron app's app.asar, as the real file electron-builder unpacked beside
 * it (electron-builder.yml `asarUnpack`): a worker thread, and the WebAssembly module and data it
 * loads from its own folder, must be started from real files on disk. Any other path is returned
 * as it is, so the same code runs from the sources, dist/ and the npm package.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
