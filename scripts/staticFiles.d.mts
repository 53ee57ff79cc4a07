import type { IncomingMessage, ServerResponse } from 'node:http';

export function requestPath(url: string | undefined): string | null;
export function isInside(root: string, file: string): boolean;
export function createStaticHandler(options: { root: string }): (req: IncomingMessage, res: ServerResponse) => void;
