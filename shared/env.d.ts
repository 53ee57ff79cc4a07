/**
 * The only platform globals shared/ may use: web standards that browsers, Web Workers and Node all
 * provide. shared/ compiles (tsconfig.shared.json) with neither DOM nor Node types, so anything else
 * (window, navigator, process, Buffer…) is a type error. The full apps compile without this file.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  toString(): string;
}
